/** Small pictures of the canvas's visual vocabulary, drawn from the same tokens. */
import type { ActorType, Polarity, RelationType } from '../model/schema';
import {
  ACTOR_TYPE_TOKENS,
  POLARITY_TOKENS,
  RELATION_TYPE_TOKENS,
  shapePath,
} from '../graph/tokens';

export function ActorTypeIcon({ type, size = 14 }: { type: ActorType; size?: number }) {
  const token = ACTOR_TYPE_TOKENS[type];
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" className="shrink-0">
      <path d={shapePath(token.shape, 10, 10, 17)} fill={token.color} />
    </svg>
  );
}

export function RelationLine({
  type,
  polarity,
  width = 28,
}: {
  type: RelationType;
  polarity?: Polarity;
  width?: number;
}) {
  const token = RELATION_TYPE_TOKENS[type];
  const color = polarity ? POLARITY_TOKENS[polarity].color : '#334155';
  return (
    <svg
      width={width}
      height="10"
      viewBox={`0 0 ${width} 10`}
      aria-hidden="true"
      className="shrink-0"
    >
      <line
        x1="1"
        y1="5"
        x2={width - 1}
        y2="5"
        stroke={color}
        strokeWidth="2"
        strokeDasharray={token.dash ? token.dash.join(' ') : undefined}
      />
    </svg>
  );
}

export function PolarityDot({ polarity }: { polarity: Polarity }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-2.5 shrink-0 rounded-full"
      style={{ backgroundColor: POLARITY_TOKENS[polarity].color }}
    />
  );
}
