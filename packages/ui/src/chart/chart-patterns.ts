// Browser-only: fills that tell bar series apart without colour (stripes, dots, hatching).
// The first series stays solid; the legend shows the same fills.

type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal';
const KINDS: PatternKind[] = ['solid', 'diagonal', 'dots', 'cross', 'horizontal'];

function pattern(kind: PatternKind, color: string, background: string): CanvasPattern | string {
  if (kind === 'solid') return color;
  const size = 10;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 3;
  ctx.beginPath();
  if (kind === 'diagonal') {
    ctx.moveTo(-2, size + 2);
    ctx.lineTo(size + 2, -2);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(size - 2, size + 2);
    ctx.lineTo(size + 2, size - 2);
    ctx.stroke();
  } else if (kind === 'dots') {
    ctx.arc(size / 2, size / 2, 2.5, 0, Math.PI * 2);
    ctx.fill();
  } else if (kind === 'cross') {
    ctx.lineWidth = 2;
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
    ctx.moveTo(size, 0);
    ctx.lineTo(0, size);
    ctx.stroke();
  } else {
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
    ctx.stroke();
  }
  return ctx.createPattern(tile, 'repeat') ?? color;
}

export function barFills(colors: string[], background: string): Array<CanvasPattern | string> {
  return colors.map((color, index) => pattern(KINDS[index % KINDS.length] ?? 'solid', color, background));
}
