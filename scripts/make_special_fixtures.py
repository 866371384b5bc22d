#!/usr/bin/env python3
"""Write tests/fixtures/special.json: reference values for src/core/special/.

Every case records the exact scipy call that produced it; the file header records the
python / numpy / scipy versions. Run from the repository root:

    python3 scripts/make_special_fixtures.py

Cases:
- kstwo_sf:   scipy.stats.kstwo.sf(d, n) over n in a fixed list and d across (0, 1],
              including the algorithm switch points of scipy.stats._ksstats._kolmogn.
- ks_2samp:   scipy.stats.ks_2samp(a, b) (alternative='two-sided', method='auto') on seeded
              random samples; stores the statistic d, n1, n2, the p-value and which method
              scipy used ('exact' or 'asymp', read from the 'auto' rule and scipy's
              "Exact calculation unsuccessful" warning).
- gammaincc:  scipy.special.gammaincc(a, x) over a grid.
- chi2_sf:    scipy.stats.chi2.sf(x, dof) over a grid.
- gammaln:    scipy.special.gammaln(a) at a few points.
- smirnov:    scipy.special.smirnov(n, x) (one-sided KS sf, used by kstwo.sf in its tails).
"""
import json
import math
import os
import platform
import sys
import warnings

import numpy as np
import scipy
from scipy import special, stats

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'special.json')


def f(x):
    """JSON-safe float (keeps inf/nan out of the file)."""
    x = float(x)
    if math.isnan(x):
        return 'nan'
    if math.isinf(x):
        return 'inf' if x > 0 else '-inf'
    return x


def kstwo_cases():
    ns = [1, 2, 5, 10, 50, 100, 140, 141, 500, 1000, 5000, 100000, 1000000]
    cases = []
    for n in ns:
        ds = {1e-9, 1e-6, 1e-4, 1e-3, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15,
              0.2, 0.25, 0.3, 0.4, 0.45, 0.4999, 0.5, 0.55, 0.6, 0.75, 0.9, 0.99, 0.999,
              0.9999999, 1.0}
        # Ruben-Gambino endpoints t = n*d in (0.5, 1] and t >= n-1
        for t in (0.5, 0.5000001, 0.6, 0.75, 0.99, 1.0, 1.01, 1.5, 2.5):
            ds.add(t / n)
        ds.add(1 - 1.0 / n)
        ds.add(1 - 0.5 / n)
        # nx^2 switch points of Simard & L'Ecuyer as coded in _kolmogn
        for c in (0.05, 0.2, 0.5, 0.754693, 0.76, 1.0, 2.0, 2.2, 2.3, 3.0, 4.0, 4.1, 8.0,
                  12.0, 18.0, 18.5, 40.0, 100.0, 369.0, 370.0, 371.0):
            ds.add(math.sqrt(c / n))
        # n * d**1.5 <= 1.4 (Durbin vs Pelz-Good for n > 140)
        for c in (1.3, 1.4, 1.5):
            ds.add((c / n) ** (2.0 / 3.0))
        for d in sorted(ds):
            if not (0 < d <= 1):
                continue
            p = stats.kstwo.sf(d, n)
            cases.append({'d': f(d), 'n': n, 'sf': f(p)})
    return cases


def ks2_method(n1, n2, a, b):
    """Which method ks_2samp(method='auto') used: 'auto' rule + scipy's fallback warning."""
    if max(n1, n2) > 10000:
        return 'asymp'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        stats.ks_2samp(a, b)
    if any('Exact calculation unsuccessful' in str(w.message) for w in caught):
        return 'asymp'
    return 'exact'


def ks2_cases():
    rng = np.random.default_rng(20240611)
    pairs = [(1, 1), (1, 3), (2, 2), (3, 7), (5, 5), (10, 7), (7, 10), (13, 17), (20, 20), (25, 40),
             (60, 45), (100, 100), (101, 97), (250, 300), (1000, 800), (1000, 1000), (999, 1001),
             (3000, 2000), (10000, 10000), (10000, 9999), (10000, 9000), (9973, 10000),
             (10001, 500), (10001, 10001), (200000, 150000)]
    shifts = [0.0, 0.05, 0.2, 0.5, 1.5]
    cases = []
    for n1, n2 in pairs:
        for shift in shifts:
            a = rng.normal(0.0, 1.0, n1)
            b = rng.normal(shift, 1.0, n2)
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                res = stats.ks_2samp(a, b)
            cases.append({'n1': n1, 'n2': n2, 'd': f(res.statistic), 'p': f(res.pvalue),
                          'method': ks2_method(n1, n2, a, b), 'sample': f'normal shift {shift}'})
        # identical samples (d = 0) and disjoint samples (d = 1)
        if n1 == n2:
            a = rng.normal(0.0, 1.0, n1)
            res = stats.ks_2samp(a, a.copy())
            cases.append({'n1': n1, 'n2': n2, 'd': f(res.statistic), 'p': f(res.pvalue),
                          'method': ks2_method(n1, n2, a, a.copy()), 'sample': 'identical'})
        b = rng.uniform(10.0, 11.0, n2)
        a = rng.uniform(0.0, 1.0, n1)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            res = stats.ks_2samp(a, b)
        cases.append({'n1': n1, 'n2': n2, 'd': f(res.statistic), 'p': f(res.pvalue),
                      'method': ks2_method(n1, n2, a, b), 'sample': 'disjoint'})
    # interleaved samples a = 0..n-1, b = a + offset give d = 1/n, 2/n: for many n scipy's
    # n1 == n2 exact formula returns 1.0000000000000002 there and ks_2samp falls back to 'asymp'
    for n in (2, 5, 6, 7, 13, 14, 100, 1000, 4999, 10000):
        for offset in (0.5, 1.5):
            a = np.arange(n, dtype=float)
            b = a + offset
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                res = stats.ks_2samp(a, b)
            cases.append({'n1': n, 'n2': n, 'd': f(res.statistic), 'p': f(res.pvalue),
                          'method': ks2_method(n, n, a, b), 'sample': f'interleaved offset {offset}'})
    return cases


def gammaincc_cases():
    a_s = [1e-3, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0, 7.5, 10.0, 15.5, 19.5, 20.0, 25.0, 50.0,
           99.5, 150.0, 199.5, 200.0, 250.0, 400.0, 499.5, 500.0, 750.0, 1000.0, 5000.0]
    cases = []
    for a in a_s:
        xs = {1e-8, 1e-3, 0.1, 0.3, 0.5, 0.7, 1.0, 1.1, 1.5, 2.0, 5.0, 10.0, 30.0, 100.0, 1000.0}
        for r in (0.3, 0.5, 0.69, 0.7, 0.71, 0.8, 0.9, 0.95, 0.99, 1.0, 1.01, 1.05, 1.1, 1.2,
                  1.29, 1.3, 1.31, 1.5, 2.0, 3.0):
            xs.add(a * r)
        for z in (-5.0, -2.0, 2.0, 5.0, 10.0):
            x = a + z * math.sqrt(a)
            if x > 0:
                xs.add(x)
        for x in sorted(xs):
            q = special.gammaincc(a, x)
            cases.append({'a': f(a), 'x': f(x), 'q': f(q)})
    return cases


def smirnov_cases():
    cases = []
    for n in (1, 2, 5, 10, 50, 100, 1000, 100000, 1000000, 2000000):
        xs = {0.0, 1e-7, 0.5 / n, 1.0 / n, 1.5 / n, 2.5 / n, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7,
              0.9, 1 - 1.0 / n, 1 - 0.5 / n, 1.0}
        for x in sorted(xs):
            if 0 <= x <= 1:
                cases.append({'n': n, 'x': f(x), 'sf': f(special.smirnov(n, x))})
    return cases


def gammaln_cases():
    a_s = [1e-8, 1e-3, 0.1, 0.5, 0.9, 1.0, 1.1, 1.5, 1.9, 2.0, 2.1, 3.0, 4.5, 7.0, 9.99, 10.0, 10.5,
           20.0, 99.5, 500.0, 1000.0, 12345.6, 1e6, 1e10]
    return [{'a': f(a), 'gammaln': f(special.gammaln(a))} for a in a_s]


def chi2_cases():
    dofs = [1, 2, 3, 4, 5, 7, 10, 20, 39, 40, 41, 100, 399, 400, 401, 999, 1000]
    cases = []
    for k in dofs:
        xs = {0.0, 1e-6, 0.01, 0.5, 1.0, 2.0, 3.84, 10.0, 50.0, 100.0, 500.0, 1500.0, 3000.0}
        for r in (0.5, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.5, 2.0):
            xs.add(k * r)
        for z in (-3.0, -1.0, 1.0, 3.0, 6.0):
            x = k + z * math.sqrt(2 * k)
            if x > 0:
                xs.add(x)
        for x in sorted(xs):
            cases.append({'x': f(x), 'dof': k, 'sf': f(stats.chi2.sf(x, k))})
    return cases


def main():
    data = {
        'generator': 'scripts/make_special_fixtures.py',
        'versions': {'python': platform.python_version(), 'numpy': np.__version__,
                     'scipy': scipy.__version__},
        'calls': {
            'kstwo_sf': 'scipy.stats.kstwo.sf(d, n)',
            'ks_2samp': "scipy.stats.ks_2samp(a, b)  # alternative='two-sided', method='auto'; "
                        "a ~ rng.normal(0, 1, n1), b ~ rng.normal(shift, 1, n2), "
                        "rng = numpy.random.default_rng(20240611); identical: ks_2samp(a, a); "
                        "disjoint: a ~ U(0,1), b ~ U(10,11); interleaved: a = arange(n), b = a + offset",
            'gammaincc': 'scipy.special.gammaincc(a, x)',
            'chi2_sf': 'scipy.stats.chi2.sf(x, dof)',
            'gammaln': 'scipy.special.gammaln(a)',
            'smirnov': 'scipy.special.smirnov(n, x)',
        },
        'kstwo_sf': kstwo_cases(),
        'ks_2samp': ks2_cases(),
        'gammaincc': gammaincc_cases(),
        'chi2_sf': chi2_cases(),
        'gammaln': gammaln_cases(),
        'smirnov': smirnov_cases(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as fh:
        json.dump(data, fh, indent=1)
        fh.write('\n')
    print(f"wrote {OUT}: " + ', '.join(f"{k}={len(data[k])}" for k in
                                        ('kstwo_sf', 'ks_2samp', 'gammaincc', 'chi2_sf', 'gammaln', 'smirnov')),
          file=sys.stderr)


if __name__ == '__main__':
    main()
