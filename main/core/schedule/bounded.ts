/**
 * Runs `work` over `items` with at most `limit` in flight, results in input order. Hand-written (ten
 * lines) rather than a dependency: each worker takes the next index synchronously, so no item is
 * started twice and the bound holds for any burst. The first failure rejects; the workers still
 * running finish their current item and take no more.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await work(items[i]!, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
