// The edit tab: the scenario's metadata, issues, actors and stances as form fields (values or
// ranges, "[30, 50]", or distributions), checked by POST /api/validate and saved with PUT
// /api/scenarios/<path>. An error from parley appears under the field it names (fielderrors.ts).

import type {App, View} from "../app";
import {ApiError} from "../api";
import {h, clear} from "../dom";
import {fieldMessage, matchField} from "../fielderrors";
import {formatSource, formatUncertain, parseSource, parseUncertain, withSource, withValue, actorName, issueLabel, type ScenarioDoc, type UncertainValue} from "../scenario";
import {formatOfName, freshId, newScenarioTemplate} from "../template";

const KINDS = ["leader", "government", "bloc", "faction", "public", "organisation", "other"];

export class EditorView implements View {
  readonly id = "edit";
  readonly title = "Edit";
  private fields = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private errorBox: HTMLElement | null = null;

  constructor(private readonly app: App) {}

  render(root: HTMLElement): void {
    const doc = this.app.doc;
    if (!doc) return;
    this.fields.clear();
    this.errorBox = h("div", {id: "editor-errors", role: "alert"});
    const file = this.app.file;
    const saveAsName = h("input", {type: "text", id: "editor-save-as-name", size: 24, placeholder: "new-file.yaml", "aria-label": "file name"});
    root.append(
      h("div", {class: "toolbar"},
        h("button", {type: "button", id: "editor-validate", onclick: () => void this.validate()}, "Validate"),
        file
          ? h("button", {type: "button", id: "editor-save", onclick: async () => (await this.save(file.path, file.format)) && this.app.edited(true)}, `Save to ${file.path} (${file.format})`)
          : "",
        h("span", {}, saveAsName, h("button", {type: "button", id: "editor-save-as", onclick: () => void this.saveAs(saveAsName)}, "Save as")),
        h("button", {type: "button", id: "editor-new", onclick: () => this.app.startNew(newScenarioTemplate())}, "New from template"),
        h("span", {class: "muted"}, this.app.dirty ? "unsaved changes" : ""),
      ),
      this.errorBox,
      h("div", {class: "editor"},
        h("h2", {}, "Scenario"),
        h("table", {class: "data"}, h("tbody", {},
          h("tr", {}, h("th", {}, "title"), h("td", {}, this.text("scenario.metadata.title", doc.metadata.title, (v) => (doc.metadata.title = v)))),
          h("tr", {}, h("th", {}, "date"), h("td", {}, this.text("scenario.metadata.date", doc.metadata.date ?? "", (v) => (doc.metadata.date = v === "" ? undefined : v)))),
        )),
        h("h2", {}, "Issues"),
        this.issues(doc),
        h("button", {type: "button", id: "editor-add-issue", onclick: () => this.addIssue(doc)}, "Add issue"),
        h("h2", {}, "Actors"),
        this.actors(doc),
        h("button", {type: "button", id: "editor-add-actor", onclick: () => this.addActor(doc)}, "Add actor"),
        h("h2", {}, "Stances"),
        this.stances(doc),
      ),
    );
  }

  private text(field: string, value: string, set: (v: string) => void): HTMLInputElement {
    const input = h("input", {type: "text", value, "data-field": field, "aria-label": field});
    input.addEventListener("change", () => {
      set(input.value);
      this.touched(input);
    });
    this.fields.set(field, input);
    return input;
  }

  /** A number, range or distribution; `set(null)` when emptied. A typing mistake shows at once. */
  private value(field: string, get: () => UncertainValue | undefined, set: (v: UncertainValue | null) => void, numberOnly = false): HTMLInputElement {
    const input = h("input", {type: "text", size: 14, value: formatUncertain(get()), "data-field": field, "aria-label": field});
    input.addEventListener("change", () => {
      this.clearError(input);
      try {
        const parsed = parseUncertain(input.value);
        if (numberOnly && typeof parsed !== "number") throw new Error("a number");
        // The current value, so that a citation set beside it since is kept.
        set(parsed === null ? null : withValue(get(), parsed));
        this.touched(input);
      } catch (error) {
        this.showOn(input, (error as Error).message);
      }
    });
    this.fields.set(field, input);
    return input;
  }

  /** A citation, "ref: note" (docs/scenario-format.md, "Citations"); `set(null)` when emptied. */
  private source(field: string, source: unknown, set: (v: {ref?: string; note?: string} | null) => void): HTMLInputElement {
    const input = h("input", {type: "text", size: 18, class: "source", value: formatSource(source), placeholder: "source: ref: note",
      "data-field": field, "aria-label": field, title: formatSource(source)});
    input.addEventListener("change", () => {
      set(parseSource(input.value));
      input.title = input.value;
      this.touched(input);
    });
    this.fields.set(field, input);
    return input;
  }

  private issues(doc: ScenarioDoc): HTMLElement {
    return h("table", {class: "data"},
      h("thead", {}, h("tr", {}, ["id", "label", "scale min", "scale max", "status quo"].map((t) => h("th", {}, t)))),
      h("tbody", {}, doc.issues.map((issue, i) => {
        const f = `scenario.issues[${i}]`;
        const scale = () => (issue.scale ??= {min: 0, max: 100});
        return h("tr", {},
          h("td", {}, issue.id),
          h("td", {}, this.text(`${f}.label`, issueLabel(issue), (v) => (issue.label = v))),
          h("td", {}, this.value(`${f}.scale.min`, () => issue.scale?.min ?? 0, (v) => (scale().min = v as number), true)),
          h("td", {}, this.value(`${f}.scale.max`, () => issue.scale?.max ?? 100, (v) => (scale().max = v as number), true)),
          h("td", {}, this.value(`${f}.status_quo`, () => issue.status_quo, (v) => (v === null ? delete issue.status_quo : (issue.status_quo = v)))),
        );
      })),
    );
  }

  private actors(doc: ScenarioDoc): HTMLElement {
    return h("table", {class: "data"},
      h("thead", {}, h("tr", {}, ["id", "name", "kind", "capability", "its source"].map((t) => h("th", {}, t)))),
      h("tbody", {}, doc.actors.map((actor, i) => {
        const f = `scenario.actors[${i}]`;
        const kind = h("select", {"data-field": `${f}.kind`, "aria-label": `${f}.kind`},
          KINDS.map((k) => h("option", {value: k, selected: (actor.kind ?? "other") === k}, k)));
        kind.addEventListener("change", () => {
          actor.kind = kind.value;
          this.touched(kind);
        });
        this.fields.set(`${f}.kind`, kind);
        return h("tr", {},
          h("td", {}, actor.id),
          h("td", {}, this.text(`${f}.name`, actorName(actor), (v) => (actor.name = v))),
          h("td", {}, kind),
          h("td", {}, this.value(`${f}.capability`, () => actor.capability, (v) => (actor.capability = v ?? ""))),
          h("td", {}, this.source(`${f}.capability.source`, (actor.capability as {source?: unknown})?.source,
            (src) => (actor.capability = withSource(actor.capability, src) ?? actor.capability))),
        );
      })),
    );
  }

  /** Position and salience of every actor (rows) on every issue (columns). */
  private stances(doc: ScenarioDoc): HTMLElement {
    return h("div", {class: "table-box"}, h("table", {class: "data"},
      h("thead", {}, h("tr", {}, h("th", {}, "actor"), doc.issues.map((i) => h("th", {}, issueLabel(i), h("br"), h("span", {class: "muted"}, "position / salience / source"))))),
      h("tbody", {}, doc.actors.map((actor) =>
        h("tr", {}, h("th", {scope: "row"}, actorName(actor)), doc.issues.map((issue) => {
          const f = `scenario.positions.${actor.id}.${issue.id}`;
          const get = () => doc.positions?.[actor.id]?.[issue.id];
          const ensure = () => (((doc.positions ??= {})[actor.id] ??= {})[issue.id] ??= {});
          const setField = (name: "position" | "salience", v: UncertainValue | null) => {
            if (v === null) {
              const s = get();
              if (s) delete s[name];
              if (s && s.position === undefined && s.salience === undefined && s.capability === undefined) delete doc.positions![actor.id][issue.id];
            } else ensure()[name] = v;
          };
          return h("td", {},
            this.value(`${f}.position`, () => get()?.position, (v) => setField("position", v)),
            this.value(`${f}.salience`, () => get()?.salience, (v) => setField("salience", v)),
            h("br"),
            this.source(`${f}.source`, get()?.source, (src) => {
              const st = get();
              if (!st) return;
              if (src === null) delete st.source;
              else st.source = src;
            }));
        })),
      )),
    ));
  }

  private touched(input: Element): void {
    this.clearError(input);
    this.app.edited();
  }

  private clearAll(): void {
    for (const input of this.fields.values()) this.clearError(input);
    if (this.errorBox) clear(this.errorBox);
  }

  private clearError(input: Element): void {
    input.classList.remove("invalid");
    input.removeAttribute("aria-invalid");
    const next = input.nextElementSibling;
    if (next && next.classList.contains("field-error")) next.remove();
  }

  private showOn(input: Element, message: string): void {
    this.clearError(input);
    input.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    input.insertAdjacentElement("afterend", h("span", {class: "field-error", role: "alert"}, message));
  }

  /** Puts parley's error under the field it names, or in the box above the form. */
  private showError(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.app.report(error);
      return;
    }
    const key = matchField(error.body.field, this.fields.keys());
    const input = key === null ? undefined : this.fields.get(key);
    if (input) {
      this.showOn(input, fieldMessage(error.body));
      input.scrollIntoView({block: "center"});
    } else if (this.errorBox) {
      clear(this.errorBox);
      this.errorBox.appendChild(h("div", {class: "error-box"}, fieldMessage(error.body)));
    }
    this.app.status(error.message, "error");
  }

  private async validate(): Promise<boolean> {
    this.clearAll();
    try {
      await this.app.api.validate(this.app.doc);
      this.app.status("The scenario is valid.");
      return true;
    } catch (error) {
      this.showError(error);
      return false;
    }
  }

  private addIssue(doc: ScenarioDoc): void {
    const id = freshId("issue", doc.issues.map((i) => i.id));
    doc.issues.push({id, label: id, scale: {min: 0, max: 100}});
    this.app.edited();
    this.redraw();
  }

  private addActor(doc: ScenarioDoc): void {
    const id = freshId("actor", doc.actors.map((a) => a.id));
    doc.actors.push({id, name: id, kind: "other", capability: 50});
    this.app.edited();
    this.redraw();
  }

  private redraw(): void {
    const root = document.querySelector<HTMLElement>(".view-edit");
    if (!root) return;
    clear(root);
    this.render(root);
  }

  private async save(path: string, format: string): Promise<boolean> {
    if (!this.app.doc) return false;
    this.clearAll();
    try {
      await this.app.api.saveScenario(path, this.app.doc, format);
      this.app.status(`Saved ${path}.`);
      return true;
    } catch (error) {
      this.showError(error);
      return false;
    }
  }

  private async saveAs(name: HTMLInputElement): Promise<void> {
    const path = name.value.trim();
    const format = formatOfName(path);
    this.clearError(name);
    if (format === null) {
      this.showOn(name, "a file name ending in .yaml, .yml or .json");
      return;
    }
    if (await this.save(path, format)) await this.app.savedAs(path);
  }
}
