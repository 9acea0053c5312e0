// The page's entry point (index.html): wires the API client, the state and the tabs.
import "./style.css";
import {Api, tokenFromLocation} from "./api";
import {App} from "./app";
import {ForecastsView} from "./views/forecasts";
import {EditorView} from "./views/editor";
import {SweepView} from "./views/sweep";
import {SensitivityView, FeasibilityView, EventsView} from "./views/analyses";
import {CompareView} from "./views/compare";

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

const api = new Api("", undefined, tokenFromLocation(window.location.search));
const app = new App(api, byId("scenario-select"), byId("tabs"), byId("app"), byId("status"), byId("scenario-title"));
app.addView(new ForecastsView(app));
app.addView(new EditorView(app));
app.addView(new CompareView(app));
app.addView(new SweepView(app));
app.addView(new SensitivityView(app));
app.addView(new FeasibilityView(app));
app.addView(new EventsView(app));
void app.start();
