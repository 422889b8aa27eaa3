// The tool bar above the live video: the customer's mode, the tools (each disabled with its reason
// when the mode cannot do it), the label text, "Clear all", and what the current tool does.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TOOLS, toolText, type Tool } from './markup-tools.ts';
import { ModeControl } from '../call/mode-control.tsx';
import type { Markup } from './use-markup.ts';

const icons: Record<Tool, ReactNode> = {
  pointer: <path d="M4 2l9 6-4 1 2.5 5-2 1-2.5-5L4 13z" />,
  marker: <circle cx="8" cy="8" r="3.5" />,
  arrow: <path d="M3 13L12 4M12 4H6.5M12 4v5.5" />,
  circle: <circle cx="8" cy="8" r="5.5" />,
  label: <path d="M3 4h10M8 4v9" />,
  measure: <path d="M2 8h12M2 5v6M14 5v6M6 7v2M10 7v2" />,
};

export function MarkupToolbar(props: { markup: Markup; live: boolean; canClear: boolean }) {
  const { t } = useTranslation('casework');
  const { markup: m } = props;
  return (
    <div className="markup" data-testid="inspection-toolbar" data-tool={m.tool} data-measure={m.tool === 'measure' ? m.measureStep : ''}>
      <ModeControl mode={m.mode} request={m.modeRequest} live={props.live} onRequest={m.requestMode} />
      <div className="markup-bar">
        <div className="tool-group" role="toolbar" aria-label={t('markup.tools')}>
          {TOOLS.map((tool) => {
            const blocked = m.blocked(tool);
            return (
              <button
                key={tool}
                type="button"
                className={`tool${tool === m.tool ? ' tool-on' : ''}`}
                data-testid={`tool-${tool}`}
                aria-pressed={tool === m.tool}
                disabled={blocked !== null}
                title={blocked ?? toolText[tool]}
                onClick={() => m.selectTool(tool)}
              >
                <svg className="tool-icon" viewBox="0 0 16 16" aria-hidden="true">
                  {icons[tool]}
                </svg>
                {toolText[tool]}
              </button>
            );
          })}
        </div>
        {m.tool === 'label' && (
          <input className="label-input" data-testid="label-text" aria-label={t('markup.labelText')} placeholder={t('markup.labelText')} maxLength={200} value={m.labelText} onChange={(e) => m.setLabelText(e.target.value)} />
        )}
        <span className="spacer" />
        <button type="button" className="btn btn-small" data-testid="annotations-clear" disabled={!props.canClear} onClick={m.clearAll} title={t('markup.clearAllTitle')}>
          {t('markup.clearAll')}
        </button>
      </div>
      <p className="tools-hint muted small" data-testid="tools-hint">
        {m.hint}
        {m.note && (
          <span className="tools-note" data-testid="tools-note">
            {' '}
            {m.note}
          </span>
        )}
      </p>
      {m.problem && (
        <p className="tools-problem" role="alert" data-testid="inspection-error">
          {m.problem}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={m.dismissProblem}>
            {t('markup.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
