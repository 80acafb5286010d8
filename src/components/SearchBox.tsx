/** Find an actor by any alias: an ARIA 1.2 combobox with a listbox popup. */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useAtlasStore } from '../store/context';
import { searchActors } from '../model/search';
import { ACTOR_TYPE_TOKENS } from '../graph/tokens';
import { ActorTypeIcon } from './swatches';
import { useGraphApi } from './graphApi';

export function SearchBox() {
  const index = useAtlasStore((s) => s.index);
  const selectActor = useAtlasStore((s) => s.selectActor);
  const graphApi = useGraphApi();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();

  const matches = useMemo(
    () => (index ? searchActors(index.graph.actors, query, 12) : []),
    [index, query],
  );
  const expanded = open && query.trim() !== '';

  const choose = (position: number) => {
    const match = matches[position];
    if (!match) return;
    selectActor(match.actor.id);
    graphApi.current?.centerOn(match.actor.id);
    setQuery(match.actor.name);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((a) => (matches.length === 0 ? 0 : (a + 1) % matches.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((a) => (matches.length === 0 ? 0 : (a - 1 + matches.length) % matches.length));
        break;
      case 'Enter':
        if (expanded && matches.length > 0) {
          event.preventDefault();
          choose(Math.min(active, matches.length - 1));
        }
        break;
      case 'Escape':
        if (expanded) setOpen(false);
        else setQuery('');
        break;
      default:
    }
  };

  const activeMatch = expanded ? matches[Math.min(active, matches.length - 1)] : undefined;
  return (
    <div className="relative w-full max-w-sm">
      <label htmlFor={inputId} className="sr-only">
        Find actor
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeMatch ? `${listId}-${activeMatch.actor.id}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Find actor by name or alias…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-slate-600 bg-slate-800 px-3 py-1.5 text-sm text-white placeholder:text-slate-400 focus:border-sky-400 focus:ring-2 focus:ring-sky-400/40 focus:outline-none"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching actors"
        hidden={!expanded}
        className="absolute top-full right-0 left-0 z-50 mt-1 max-h-80 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm text-slate-800 shadow-lg"
      >
        {matches.length === 0 && expanded && (
          <li role="presentation" className="px-3 py-2 text-slate-500">
            No actor matches “{query}”
          </li>
        )}
        {matches.map((match, position) => {
          const isActive = activeMatch?.actor.id === match.actor.id;
          return (
            <li
              key={match.actor.id}
              id={`${listId}-${match.actor.id}`}
              role="option"
              aria-selected={isActive}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(position)}
              onMouseEnter={() => setActive(position)}
              className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 ${isActive ? 'bg-sky-100' : ''}`}
            >
              <ActorTypeIcon type={match.actor.type} />
              <span className="font-medium">{match.actor.name}</span>
              {match.matchedName !== match.actor.name && (
                <span className="truncate text-xs text-slate-500">“{match.matchedName}”</span>
              )}
              <span className="ml-auto text-xs text-slate-500">
                {ACTOR_TYPE_TOKENS[match.actor.type].label}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
