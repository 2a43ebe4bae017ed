// A one-line progress bar on stderr for long scans; silent when stderr is not a terminal.
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total < 200 || (now - last < 100 && done < total)) return; // short scans need no bar; don't flood the terminal
      last = now;
      shown = true;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
      const frac = Math.min(1, done / total); // files added since the count must not break the bar
      const filled = Math.round(frac * width);
      const pct = Math.floor(frac * 100);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${pct}%`);
    },
    stop() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
