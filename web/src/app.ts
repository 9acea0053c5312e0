// The page's state and its top level: the scenario picker, the tabs, the status line. Each tab is
// a view in views/ that renders from this state and calls back into it.

import {Api, ApiError, isAbort, type ScenarioEntry, type ScenarioFile, type ScenarioInput} from "./api";
import {skillByModel, modelNames, type SkillRow} from "./forecasts";
import type {ScenarioDoc} from "./scenario";
import {h, clear} from "./dom";

export interface View {
  id: string;
  title: string;
  /** Draws the tab into `root` (emptied first); called on opening the tab and on a new scenario. */
  render(root: HTMLElement): void;
}

/** The file `parley serve FILE` named first, else the flagship, then the rest in the server's order. */
export function orderScenarios(list: ScenarioEntry[], open: string | null = null): ScenarioEntry[] {
  const first = (s: ScenarioEntry) => (open ? s.path === open : s.path === "us-russia.yaml" || s.path.endsWith("/us-russia.yaml"));
  const front = list.filter(first);
  return [...front, ...list.filter((s) => !front.includes(s))];
}

export class App {
  scenarios: ScenarioEntry[] = [];
  file: ScenarioFile | null = null;
  /** The scenario as edited on the page; `dirty` while it differs from the file. */
  doc: ScenarioDoc | null = null;
  dirty = false;
  /** The what-if sliders' overrides as `set` (views/forecasts.ts keeps it up to date). */
  whatIfSet: string[] = [];
  models: string[] = [];
  skill = new Map<string, SkillRow>();
  private views: View[] = [];
  private current: View | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly api: Api,
    private readonly select: HTMLSelectElement,
    private readonly tabs: HTMLElement,
    private readonly main: HTMLElement,
    private readonly statusLine: HTMLElement,
    private readonly titleLine: HTMLElement,
  ) {}

  addView(view: View): void {
    this.views.push(view);
  }

  /** Called whenever another scenario is opened or the scenario is edited. */
  onScenarioChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** What every analysis request sends: the file by path, or the edited document when it has unsaved changes. */
  input(): ScenarioInput {
    if (this.dirty || !this.file) return {scenario: this.doc};
    return {path: this.file.path};
  }

  status(text: string, kind: "info" | "error" = "info"): void {
    this.statusLine.textContent = text;
    this.statusLine.className = `status ${kind}`;
  }

  /** Shows an error in the status line (never an aborted request) and returns it for the caller. */
  report(error: unknown): void {
    if (isAbort(error)) return;
    const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
    this.status(message, "error");
  }

  /**
   * Runs an analysis from its button: the button is disabled meanwhile, `message` (when given) is
   * shown until it ends, and an error goes to the status line.
   */
  async whileBusy(button: HTMLButtonElement, work: () => Promise<void>, message?: string): Promise<void> {
    button.disabled = true;
    if (message !== undefined) this.status(message);
    try {
      await work();
      if (message !== undefined) this.status("");
    } catch (error) {
      this.report(error);
    } finally {
      button.disabled = false;
    }
  }

  async start(): Promise<void> {
    this.renderTabs();
    this.select.addEventListener("change", () => void this.open(this.select.value));
    try {
      const [list, models, skill] = await Promise.all([
        this.api.scenarios(),
        this.api.models().catch(() => null),
        this.api.skill().catch(() => null),
      ]);
      this.models = modelNames(models);
      if (this.models.length === 0) this.models = ["compromise", "median", "nbs", "bdm"];
      this.skill = skillByModel(skill);
      this.scenarios = orderScenarios(list.scenarios, list.open ?? null);
      clear(this.select);
      for (const s of this.scenarios) {
        const label = s.error ? `${s.path} (does not read)` : s.title ? `${s.path} — ${s.title}` : s.path;
        this.select.appendChild(h("option", {value: s.path, title: s.error ?? ""}, label));
      }
      if (this.scenarios.length === 0) {
        this.status("No scenario in the server's folder.", "error");
        return;
      }
      await this.open(this.scenarios[0].path);
    } catch (error) {
      this.report(error);
    }
  }

  async open(path: string): Promise<void> {
    this.status(`Opening ${path}…`);
    try {
      const file = await this.api.scenario(path);
      this.file = file;
      this.doc = structuredClone(file.scenario) as ScenarioDoc;
      this.dirty = false;
      this.select.value = path;
      this.titleLine.textContent = this.doc.metadata?.title ?? "";
      this.status(`Opened ${path}.`);
      this.changed();
    } catch (error) {
      this.report(error);
    }
  }

  /** Starts an unsaved scenario from `doc` (a template): saved with "Save as". */
  startNew(doc: ScenarioDoc): void {
    this.file = null;
    this.doc = doc;
    this.dirty = true;
    this.titleLine.textContent = `${doc.metadata.title} (new, unsaved)`;
    this.changed();
  }

  /** After "Save as": lists the folder again and opens the new file. */
  async savedAs(path: string): Promise<void> {
    try {
      const list = await this.api.scenarios();
      this.scenarios = orderScenarios(list.scenarios, list.open ?? null);
      clear(this.select);
      for (const s of this.scenarios) this.select.appendChild(h("option", {value: s.path}, s.title ? `${s.path} — ${s.title}` : s.path));
    } catch (error) {
      this.report(error);
    }
    await this.open(path);
  }

  /** The page edited the scenario (the editor), or saved it (`saved`). */
  edited(saved = false): void {
    this.dirty = !saved;
    if (this.doc) this.titleLine.textContent = `${this.doc.metadata?.title ?? ""}${this.dirty ? " (unsaved changes)" : ""}`;
    this.changed(false);
  }

  /** Tells the listeners; redraws the open tab unless it made the change itself (`redraw` false). */
  private changed(redraw = true): void {
    for (const l of this.listeners) l();
    if (redraw && this.current) this.show(this.current);
  }

  private renderTabs(): void {
    clear(this.tabs);
    for (const view of this.views) {
      this.tabs.appendChild(
        h("button", {type: "button", role: "tab", id: `tab-${view.id}`, "aria-controls": "app", onclick: () => this.show(view)}, view.title),
      );
    }
    if (this.views.length > 0) this.show(this.views[0]);
  }

  show(view: View): void {
    this.current = view;
    for (const b of Array.from(this.tabs.children)) b.setAttribute("aria-selected", String(b.id === `tab-${view.id}`));
    clear(this.main);
    const root = h("section", {class: `view view-${view.id}`});
    this.main.appendChild(root);
    if (this.doc || view.id === "forecasts") view.render(root);
  }
}
