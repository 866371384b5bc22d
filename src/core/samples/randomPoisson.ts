/**
 * A Poisson(lambda) draw by Knuth's multiplication method (TAOCP vol. 2, 3.4.1): count uniforms
 * until their product drops below e^-lambda. O(lambda) draws, fine for the small rates of demo data.
 * @example randomPoisson(mulberry32(7), 1.5) // an integer >= 0 with mean 1.5
 */
export function randomPoisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}
