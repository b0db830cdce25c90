import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface Tab<T extends string> {
  id: T;
  label: string;
  panel: ComponentChildren;
}

/**
 * ARIA tabs with roving focus: arrow keys, Home and End move between tabs, as the pattern expects.
 * Choosing a tab by click, Enter or Space moves focus on to the first field of its panel, ready to type;
 * arrow keys leave focus on the tabs, so that they can go on moving.
 * Panels carry no label of their own, so "Email" names the email field alone, as the UI contract requires.
 */
export function MethodTabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: Tab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
}) {
  const tabList = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const focusPanel = useRef(false);

  function focusFirstField(id: T) {
    root.current?.querySelector(`#panel-${id}`)?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  // A newly chosen panel's fields render with the selection, so they can take focus only after it: at once,
  // before the next key press is handled, not after the next frame, which a busy machine delays.
  useLayoutEffect(() => {
    if (!focusPanel.current) return;
    focusPanel.current = false;
    focusFirstField(selected);
  }, [selected]);

  function choose(id: T) {
    if (id === selected) {
      focusFirstField(id);
      return;
    }
    focusPanel.current = true;
    onSelect(id);
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onSelect(next.id);
    tabList.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  }

  return (
    <div class="tabs" ref={root}>
      <div role="tablist" aria-label={label} ref={tabList} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => choose(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} hidden={tab.id !== selected}>
          {tab.id === selected && tab.panel}
        </div>
      ))}
    </div>
  );
}
