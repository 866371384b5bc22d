import { describe, expect, it } from 'vitest';
import { guessLabel } from '../../src/ui/state/guessLabel.ts';

// Headers of public datasets, as their CSV files (or their usual CSV exports) spell them.
const ADULT =
  'age,workclass,fnlwgt,education,education-num,marital-status,occupation,relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country,income'.split(
    ',',
  );
const TELCO =
  'customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService,OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract,PaperlessBilling,PaymentMethod,MonthlyCharges,TotalCharges,Churn'.split(
    ',',
  );
// UCI bank marketing (bank-full.csv): "default" is a feature (has credit in default?), "y" the label.
const BANK = 'age,job,marital,education,default,balance,housing,loan,contact,day,month,duration,campaign,pdays,previous,poutcome,y'.split(
  ',',
);
// UCI German credit as OpenML's credit-g names it.
const GERMAN =
  'checking_status,duration,credit_history,purpose,credit_amount,savings_status,employment,installment_commitment,personal_status,other_parties,residence_since,property_magnitude,age,other_payment_plans,housing,existing_credits,job,num_dependents,own_telephone,foreign_worker,class'.split(
    ',',
  );
// UCI default of credit card clients, Kaggle's UCI_Credit_Card.csv and the UCI sheet's X1..X23,Y.
const CREDIT_DEFAULT_KAGGLE =
  'ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,default.payment.next.month'.split(
    ',',
  );
const CREDIT_DEFAULT_UCI = ['ID', ...Array.from({ length: 23 }, (_, i) => `X${i + 1}`), 'Y'];

describe('guessLabel(columns, configured) on real headers', () => {
  it.each([
    ['Adult', ADULT, 'income'],
    ['Telco churn', TELCO, 'Churn'],
    ['Bank marketing (y, not the "default" feature)', BANK, 'y'],
    ['German credit', GERMAN, 'class'],
    ['credit default (Kaggle names)', CREDIT_DEFAULT_KAGGLE, 'default.payment.next.month'],
    ['credit default (UCI names)', CREDIT_DEFAULT_UCI, 'Y'],
  ])('%s: guesses its label column', (_, columns, label) => {
    expect(guessLabel(columns, null)).toBe(label);
  });

  it('separators and case do not matter: "Default_Payment_Next_Month", "IS-FRAUD"', () => {
    expect(guessLabel(['a', 'Default_Payment_Next_Month'], null)).toBe('Default_Payment_Next_Month');
    expect(guessLabel(['a', 'IS-FRAUD', 'b'], null)).toBe('IS-FRAUD');
  });

  it('a configured label the file has wins over every name', () => {
    expect(guessLabel(TELCO, 'gender')).toBe('gender');
    expect(guessLabel(ADULT, 'not-there')).toBe('income');
  });

  it('no label-like name gives null (the dashboard then shows "(none)")', () => {
    expect(guessLabel(['instant', 'dteday', 'season', 'cnt'], null)).toBeNull();
  });
});
