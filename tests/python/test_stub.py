"""The type stub (parley/__init__.pyi) names exactly the public API, agrees with the code on every
member and parameter, and every public name is documented."""

import ast
import importlib.util
import inspect
import pathlib
import pydoc
import subprocess
import sys

import pytest

import parley

PACKAGE = pathlib.Path(parley.__file__).parent
STUB = PACKAGE / "__init__.pyi"
#: What parley.analysis adds (another part of the module); tolerated as missing until it is there.
ANALYSIS = {"Sensitivity", "Feasibility", "Comparison", "Backtest", "sensitivity", "feasibility", "compare", "backtest", "report"}
HAS_ANALYSIS = importlib.util.find_spec("parley.analysis") is not None


def stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"))


def stub_names() -> set:
    """The public names the stub defines at top level (classes, functions, variables)."""
    names = set()
    for node in stub_tree().body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_") or n == "__version__"}


def stub_classes() -> dict:
    """Class name -> {member: parameter names (None for a property or attribute)}."""
    out = {}
    for node in stub_tree().body:
        if not isinstance(node, ast.ClassDef):
            continue
        members = {}
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                is_property = any(isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list)
                members[item.name] = None if is_property else parameters(item.args)
            elif isinstance(item, ast.AnnAssign):
                members[item.target.id] = None
        out[node.name] = members
    return out


def parameters(args: ast.arguments) -> list:
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    if args.vararg:
        names.append("*" + args.vararg.arg)
    if args.kwarg:
        names.append("**" + args.kwarg.arg)
    return [n for n in names if n not in ("self", "cls")]


def signature_names(fn) -> list:
    names = []
    for p in inspect.signature(fn).parameters.values():
        prefix = {inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.VAR_KEYWORD: "**"}.get(p.kind, "")
        names.append(prefix + p.name)
    return [n for n in names if n not in ("self", "cls")]


def test_the_stub_and_py_typed_are_installed_beside_the_module():
    assert STUB.is_file()
    assert (PACKAGE / "py.typed").is_file()


def test_the_stub_names_exactly_what_parley_exports():
    exported = set(parley.__all__)
    declared = stub_names()
    assert exported <= declared, f"exported but not in the stub: {sorted(exported - declared)}"
    extra = declared - exported
    if not HAS_ANALYSIS:
        extra -= ANALYSIS
    assert not extra, f"in the stub but not exported: {sorted(extra)}"


def test_every_stub_member_matches_the_code():
    for name, members in stub_classes().items():
        if name not in parley.__all__:
            continue  # the analysis classes, before parley.analysis lands
        cls = getattr(parley, name)
        inherited = {m for base in cls.__mro__ if base.__module__ == "builtins" for m in dir(base)}
        public = {m for m in dir(cls) if not m.startswith("_")} - inherited
        undeclared = public - set(members)
        assert not undeclared, f"{name} has members the stub does not declare: {sorted(undeclared)}"
        for member, params in members.items():
            if params is None:
                continue  # a property or an instance attribute
            assert hasattr(cls, member), f"the stub declares {name}.{member}, the code has none"
            assert params == signature_names(getattr(cls, member)), f"{name}.{member}: stub and code disagree on the parameters"
    for node in stub_tree().body:
        if isinstance(node, ast.FunctionDef) and node.name in parley.__all__:
            assert parameters(node.args) == signature_names(getattr(parley, node.name)), node.name


def test_every_public_name_has_a_docstring():
    undocumented = []
    for name in parley.__all__:
        if name == "__version__":
            continue
        obj = getattr(parley, name)
        if not (obj.__doc__ or "").strip():
            undocumented.append(name)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member, value in vars(obj).items():
                if not member.startswith("_") and not (getattr(value, "__doc__", "") or "").strip():
                    undocumented.append(f"{name}.{member}")
    assert not undocumented, f"without a docstring: {undocumented}"


def test_help_on_scenario_shows_how_to_load_build_run_and_sweep():
    text = pydoc.render_doc(parley.Scenario, renderer=pydoc.plaintext)
    for word in ("load(", "from_dict(", "run(", "sweep(", "with_values(", "InputError"):
        assert word in text, word


def test_the_display_helpers_are_documented():
    from parley import display

    for name in display.__all__:
        assert (getattr(display, name).__doc__ or "").strip(), name


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="Debian's mypy (python3-mypy) is not installed")
def test_mypy_accepts_a_typical_use(tmp_path):
    use = tmp_path / "use.py"
    use.write_text("import parley\n"
                   "s: parley.Scenario = parley.Scenario.load('x.yaml')\n"
                   "f = s.run('nbs', loss_exponent=3)\n"
                   "w = s.sweep('compromise', draws=10, seed=1, progress=True)\n"
                   "m: float = float(w.draws.mean())\n"
                   "print(f.to_frame(), w.summary(), parley.models())\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", str(use)], capture_output=True, text=True,
                         env={"MYPYPATH": str(PACKAGE.parent), "PATH": "/usr/bin:/bin"}, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
