import { ACTOR_TYPES, POLARITIES, RELATION_TYPES } from '../model/schema';
import {
  ACTOR_TYPE_TOKENS,
  CONFIRMED_COLOR,
  POLARITY_TOKENS,
  RELATION_TYPE_TOKENS,
} from '../graph/tokens';
import { ActorTypeIcon, PolarityDot, RelationLine } from './swatches';

/** The key to the canvas, drawn from the tokens the stylesheet uses. */
/**
 * `inline` shows it open in a panel; otherwise it floats over the canvas, closed at first so it
 * covers no node (the filter list shows the same swatches).
 */
export function Legend({ inline = false }: { inline?: boolean }) {
  return (
    <details
      open={inline}
      className="group rounded-lg border border-slate-200 bg-white/95 text-[11px] text-slate-700 shadow-sm backdrop-blur"
    >
      <summary className="cursor-pointer px-2.5 py-1 font-semibold text-slate-800 select-none">
        Legend
      </summary>
      <div className="flex flex-wrap gap-x-4 gap-y-2 px-2.5 pb-2">
        <div>
          <p className="mb-0.5 font-medium text-slate-500">Actors</p>
          <ul className="space-y-0">
            {ACTOR_TYPES.map((type) => (
              <li key={type} className="flex items-center gap-1.5">
                <ActorTypeIcon type={type} />
                {ACTOR_TYPE_TOKENS[type].label}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p className="mb-0.5 font-medium text-slate-500">Relations</p>
          <ul className="grid grid-cols-2 gap-x-3 gap-y-0.5">
            {RELATION_TYPES.map((type) => (
              <li key={type} className="flex items-center gap-1.5">
                <RelationLine type={type} width={22} />
                {RELATION_TYPE_TOKENS[type].label}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p className="mb-0.5 font-medium text-slate-500">Polarity</p>
          <ul className="space-y-0">
            {POLARITIES.map((polarity) => (
              <li key={polarity} className="flex items-center gap-1.5">
                <PolarityDot polarity={polarity} />
                {POLARITY_TOKENS[polarity].label}
              </li>
            ))}
          </ul>
          <p className="mt-1 flex items-center gap-1.5">
            <svg width="22" height="10" aria-hidden="true">
              <line
                x1="1"
                y1="5"
                x2="11"
                y2="5"
                stroke={POLARITY_TOKENS.cooperative.color}
                strokeWidth="3"
              />
              <line
                x1="11"
                y1="5"
                x2="21"
                y2="5"
                stroke={POLARITY_TOKENS.hostile.color}
                strokeWidth="3"
              />
            </svg>
            Pair with both
          </p>
          <p className="mt-1 max-w-32 leading-snug text-slate-500">
            One line per pair (a number: how many relation types); line width: independent sources
          </p>
          <p className="mt-1 flex items-center gap-1.5">
            <svg width="22" height="10" aria-hidden="true">
              <line
                x1="1"
                y1="5"
                x2="21"
                y2="5"
                stroke={CONFIRMED_COLOR}
                strokeOpacity="0.35"
                strokeWidth="8"
              />
              <line x1="1" y1="5" x2="21" y2="5" stroke="#475569" strokeWidth="2" />
            </svg>
            Confirmed by a reviewer
          </p>
        </div>
      </div>
    </details>
  );
}
