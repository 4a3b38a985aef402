"""Executes notebooks headless with the tslab kernel and writes each as self-contained HTML.

The report stage's notebook runner (src/report/notebook-runner.ts) calls it with the project's .venv
python. It is `jupyter nbconvert --execute --to html --template offline` for several notebooks at once:
nbclient executes them concurrently in one process (one Python start-up instead of one per notebook; the
kernels run in parallel) and nbconvert's HTMLExporter renders them. One JSON line per notebook goes to
stdout, prefixed with RESULT_PREFIX; a failing cell is named by its position, id and source, with the text
of its error outputs. Exit code 0 when every notebook ran, 1 otherwise.

usage: execute-notebooks.py --out DIR --template-dir DIR [--timeout S] [--kernel tslab] NOTEBOOK...
"""

import argparse
import asyncio
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

RESULT_PREFIX = "@@notebook-result "


def error_text(cell):
    """The stderr and error outputs of a failed cell, as one text."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename', '')}: {out.get('evalue', '')}")
            parts.extend(out.get("traceback", []))
    return "\n".join(parts)


async def execute(path, args, slots):
    async with slots:
        t0 = time.monotonic()
        name = os.path.splitext(os.path.basename(path))[0]
        failed = {}
        try:
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb,
                kernel_name=args.kernel,
                timeout=args.timeout,
                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
                on_cell_error=lambda cell, cell_index, execute_reply: failed.update(index=cell_index),
            )
            await client.async_execute()
            exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[args.template_dir])
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
            with open(os.path.join(args.out, name + ".html"), "w", encoding="utf-8") as f:
                f.write(body)
            return {"notebook": path, "ok": True, "seconds": time.monotonic() - t0}
        except Exception as e:  # noqa: BLE001 — every failure is reported, none is fatal to the others
            result = {"notebook": path, "ok": False, "seconds": time.monotonic() - t0, "error": f"{type(e).__name__}: {e}"}
            index = failed.get("index")
            if index is not None:
                cell = nb.cells[index]
                result.update(cell=index + 1, id=cell.get("id"), source=cell.source, text=error_text(cell))
            return result


async def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True)
    p.add_argument("--template-dir", required=True)
    p.add_argument("--timeout", type=int, default=600)
    p.add_argument("--kernel", default="tslab")
    p.add_argument("--jobs", type=int, default=0, help="notebooks at once (default: all)")
    p.add_argument("notebooks", nargs="+")
    args = p.parse_args()
    slots = asyncio.Semaphore(args.jobs or len(args.notebooks))
    results = await asyncio.gather(*(execute(nb, args, slots) for nb in args.notebooks))
    for r in results:
        print(RESULT_PREFIX + json.dumps(r), flush=True)
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
