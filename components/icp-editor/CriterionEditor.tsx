import { countryCode, countryTyped } from '@/lib/extract/countries';
import {
  COMPANY_TYPE_LABEL,
  CompanyTypeSchema,
  type Criterion,
  countryName,
  FUNDING_STAGE_LABEL,
  FundingStageSchema,
  type IcpProblem,
  INDUSTRIES,
  REGION_OPTIONS,
} from '@/lib/icp';
import { staleLabel } from '@/lib/icp/label-check';
import { BandsEditor } from './BandsEditor';
import { TagInput } from './TagInput';
import { TechnologyInput } from './TechnologyInput';

const KIND_LABEL: Record<Criterion['kind'], string> = {
  industry: 'Industry',
  employees: 'Employees',
  revenue: 'Revenue (USD)',
  founded: 'Founding year',
  location: 'Headquarters location',
  technologies: 'Technologies',
  keywords: 'Keywords',
  companyType: 'Company type',
  fundingStage: 'Funding stage',
  domains: 'Company domains',
};

const SECTORS = [...new Set(INDUSTRIES.map((i) => i.sector))].sort();

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

function Checkboxes<T extends string>({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: Array<{ id: T; label: string }>;
  selected: T[];
  onChange: (v: T[]) => void;
}) {
  return (
    <fieldset className="checkboxes">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id}>
          <input
            type="checkbox"
            checked={selected.includes(o.id)}
            onChange={(e) => onChange(toggle(selected, o.id, e.target.checked))}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Why a typed country cannot be a tag: a code that is no country's ("EU", "XX"), or a name that is none ICP Lens
 * knows in English or German. A location criterion with either never matches a company.
 */
function countryRefused(typed: string): string | undefined {
  if (countryTyped(typed)) return undefined;
  return /^[A-Za-z]{2}$/.test(typed)
    ? `“${typed}” is no country’s code: type a country’s name or its two-letter code, such as Germany or DE; for Europe and other regions, tick them under Regions.`
    : `“${typed}” is no country ICP Lens knows: type its name in English or German (Germany, Deutschland) or its two-letter code (DE).`;
}

/** What fits, for each kind of criterion. */
function KindFields({ criterion, onChange }: { criterion: Criterion; onChange: (c: Criterion) => void }) {
  // Codes already in the ICP (an imported file) that are no country: kept, but said to match nothing.
  const notCountries =
    criterion.kind === 'location' ? criterion.countries.filter((code) => countryCode(code) !== code) : [];
  switch (criterion.kind) {
    case 'industry':
      return (
        <>
          {SECTORS.map((sector) => {
            const options = INDUSTRIES.filter((i) => i.sector === sector).map((i) => ({
              id: i.id,
              label: i.label,
            }));
            const picked = options.filter((o) => criterion.industries.includes(o.id)).length;
            return (
              <details key={sector} open={picked > 0}>
                <summary>
                  {sector} {picked > 0 && <span className="muted">({picked} picked)</span>}
                </summary>
                <Checkboxes
                  legend={sector}
                  options={options}
                  selected={criterion.industries}
                  onChange={(industries) => onChange({ ...criterion, industries })}
                />
              </details>
            );
          })}
          <TagInput
            label="Also match the page's own wording"
            values={criterion.wording}
            onChange={(wording) => onChange({ ...criterion, wording })}
            placeholder="e.g. Robotics"
          />
        </>
      );
    case 'employees':
    case 'revenue':
    case 'founded':
      return <BandsEditor criterion={criterion} onChange={onChange} />;
    case 'location':
      return (
        <>
          <Checkboxes
            legend="Regions"
            options={REGION_OPTIONS}
            selected={criterion.regions}
            onChange={(regions) => onChange({ ...criterion, regions })}
          />
          <TagInput
            label="Countries (names or codes such as Germany, DE)"
            values={criterion.countries}
            // As the ICP keeps them, and as the calibration reads a CRM's countries: "Germany", "Deutschland"
            // and "de" are DE, "UK" is GB, so that a tag "GB" added next to it is no second one.
            normalise={(v) => countryTyped(v) ?? v}
            refuse={countryRefused}
            onChange={(countries) => onChange({ ...criterion, countries })}
          />
          {criterion.countries.length > 0 && (
            <p className="muted">{criterion.countries.map(countryName).join(', ')}</p>
          )}
          {notCountries.length > 0 && (
            <p className="tag-warning" data-testid="not-countries">
              {notCountries.map((code) => `“${code}”`).join(', ')}{' '}
              {notCountries.length === 1 ? 'is no country’s code' : 'are no country’s codes'}: no company is
              ever there, so {notCountries.length === 1 ? 'it never matches' : 'they never match'}. Remove{' '}
              {notCountries.length === 1 ? 'it' : 'them'}; for Europe and other regions, tick them under
              Regions.
            </p>
          )}
        </>
      );
    case 'technologies':
      return (
        <>
          <label className="field">
            Uses{' '}
            <select
              value={criterion.match}
              onChange={(e) => onChange({ ...criterion, match: e.target.value as typeof criterion.match })}
            >
              <option value="any">any of</option>
              <option value="all">all of</option>
              <option value="none">none of</option>
            </select>
          </label>
          <TechnologyInput
            label="Technologies"
            values={criterion.technologies}
            onChange={(technologies) => onChange({ ...criterion, technologies })}
          />
        </>
      );
    case 'keywords':
      return (
        <TagInput
          label="Keywords in the description or specialties"
          values={criterion.keywords}
          onChange={(keywords) => onChange({ ...criterion, keywords })}
        />
      );
    case 'companyType':
      return (
        <Checkboxes
          legend="Company types"
          options={CompanyTypeSchema.options.map((id) => ({ id, label: COMPANY_TYPE_LABEL[id] }))}
          selected={criterion.types}
          onChange={(types) => onChange({ ...criterion, types })}
        />
      );
    case 'fundingStage':
      return (
        <Checkboxes
          legend="Funding stages"
          options={FundingStageSchema.options.map((id) => ({ id, label: FUNDING_STAGE_LABEL[id] }))}
          selected={criterion.stages}
          onChange={(stages) => onChange({ ...criterion, stages })}
        />
      );
    case 'domains':
      return (
        <label className="field">
          Domains, one per line
          <textarea
            rows={4}
            defaultValue={criterion.domains.join('\n')}
            onChange={(e) =>
              onChange({
                ...criterion,
                domains: e.target.value
                  .split(/\s+/)
                  .map((d) => d.trim().toLowerCase())
                  .filter(Boolean),
              })
            }
          />
        </label>
      );
  }
}

/** One criterion: label, weight, rule and what fits. */
export function CriterionEditor({
  criterion,
  problems = [],
  onChange,
  onRemove,
}: {
  criterion: Criterion;
  /** What is wrong with it (see lib/icp/problems.ts), listed at its top. */
  problems?: IcpProblem[];
  onChange: (c: Criterion) => void;
  onRemove: () => void;
}) {
  const problemsId = `problems-${criterion.id}`;
  const stale = staleLabel(criterion);
  const staleId = `stale-label-${criterion.id}`;
  return (
    <section
      className={problems.length > 0 ? 'criterion-editor card invalid' : 'criterion-editor card'}
      aria-label={`Criterion ${criterion.label}`}
      aria-describedby={problems.length > 0 ? problemsId : undefined}
      data-testid={`edit-${criterion.id}`}
    >
      <header>
        <span className="chip">{KIND_LABEL[criterion.kind]}</span>
        <label className="field grow">
          Label{' '}
          <input
            value={criterion.label}
            onChange={(e) => onChange({ ...criterion, label: e.target.value })}
            aria-describedby={stale ? staleId : undefined}
          />
        </label>
        <button type="button" onClick={onRemove} aria-label={`Remove criterion ${criterion.label}`}>
          Remove
        </button>
      </header>
      {/* Always there, so that a screen reader hears the advice when a range change brings it. */}
      <div aria-live="polite">
        {stale && (
          <p className="field-hint" id={staleId} data-testid={staleId}>
            {stale}
          </p>
        )}
      </div>
      {problems.length > 0 && (
        <ul id={problemsId} className="field-problems" data-testid={problemsId}>
          {problems.map((p) => (
            <li key={`${p.where}: ${p.text}`}>
              {p.part ?? 'This criterion'}: {p.text}
            </li>
          ))}
        </ul>
      )}
      <div className="criterion-rule">
        <fieldset className="inline">
          <legend>Rule</legend>
          {(['score', 'must-have', 'disqualifier'] as const).map((rule) => (
            <label key={rule}>
              <input
                type="radio"
                name={`rule-${criterion.id}`}
                checked={criterion.rule === rule}
                onChange={() => onChange({ ...criterion, rule })}
              />{' '}
              {rule === 'score'
                ? 'Scores'
                : rule === 'must-have'
                  ? 'Must-have'
                  : 'Disqualifier (a match means not a fit)'}
            </label>
          ))}
        </fieldset>
        {criterion.rule !== 'disqualifier' && (
          <label className="field">
            Weight <strong>{criterion.weight}</strong>
            <input
              type="range"
              min={0}
              max={10}
              step={1}
              value={criterion.weight}
              onChange={(e) => onChange({ ...criterion, weight: Number(e.target.value) })}
            />
          </label>
        )}
      </div>
      <KindFields criterion={criterion} onChange={onChange} />
    </section>
  );
}

/** A new criterion of a kind, with sensible starting values. */
export function newCriterion(kind: Criterion['kind'], taken: string[]): Criterion {
  let id: string = kind.toLowerCase();
  for (let n = 2; taken.includes(id); n++) id = `${kind.toLowerCase()}-${n}`;
  const base = { id, label: KIND_LABEL[kind], weight: 1, rule: 'score' as const };
  switch (kind) {
    case 'industry':
      return { ...base, kind, industries: [], wording: [] };
    case 'employees':
      return { ...base, kind, ideal: { min: 50, max: 1000 }, acceptable: [] };
    case 'revenue':
      return { ...base, kind, ideal: { min: 10_000_000, max: 500_000_000 }, acceptable: [] };
    case 'founded':
      return { ...base, kind, ideal: { min: 2000, max: null }, acceptable: [] };
    case 'location':
      return { ...base, kind, countries: [], regions: [] };
    case 'technologies':
      return { ...base, kind, match: 'any', technologies: [] };
    case 'keywords':
      return { ...base, kind, keywords: [] };
    case 'companyType':
      return { ...base, kind, types: ['private'] };
    case 'fundingStage':
      return { ...base, kind, stages: ['series-a', 'series-b'] };
    case 'domains':
      return { ...base, kind, weight: 0, rule: 'disqualifier', domains: [] };
  }
}

export { KIND_LABEL };
