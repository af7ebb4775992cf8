import {useEffect, useState} from 'react';

/** The current time, refreshed every `intervalMs`: ages ("3h ago") stay honest without a render per second. */
export function useNow(intervalMs = 30_000): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), intervalMs);
		timer.unref();
		return () => clearInterval(timer);
	}, [intervalMs]);
	return now;
}
