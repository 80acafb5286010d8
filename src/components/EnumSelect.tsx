/** A select over a fixed list of values ('state', 'rupture', …); emits only values of the list. */
export function EnumSelect<T extends string>({
  options,
  value,
  onChange,
  labelOf = (v) => v,
  className,
  ariaLabel,
}: {
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  labelOf?: (value: T) => string;
  className?: string;
  ariaLabel?: string;
}) {
  return (
    <select
      aria-label={ariaLabel}
      className={className}
      value={value}
      onChange={(e) => {
        const next = options.find((o) => o === e.target.value);
        if (next) onChange(next);
      }}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {labelOf(o)}
        </option>
      ))}
    </select>
  );
}
