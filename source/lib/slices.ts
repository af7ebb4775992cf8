// Long synchronous work split into slices with the event loop let through between them: a key pressed while a
// page of interactions is parsed is answered within a slice, not after the whole page.

/** How long a slice may hold the event loop. */
export const SLICE_MS = 4;

/** `items.map(fn)`, yielding to the event loop (setImmediate) whenever a slice has run `sliceMs`. */
export async function mapSliced<A, B>(
	items: readonly A[],
	fn: (item: A, index: number) => B,
	sliceMs = SLICE_MS,
): Promise<B[]> {
	const out: B[] = [];
	let sliceStart = performance.now();
	for (const [index, item] of items.entries()) {
		if (performance.now() - sliceStart >= sliceMs) {
			await new Promise(resolve => setImmediate(resolve));
			sliceStart = performance.now();
		}
		out.push(fn(item, index));
	}
	return out;
}
