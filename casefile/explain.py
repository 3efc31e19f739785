"""The command line's one sentence (English / Chinese) for each case problem, and its exit code.

Why one module: ``import``, ``ocr``, ``list``, ``verify``, ``timeline`` and
``export`` meet the same problems (a busy case, a write-protected stick, a
damaged database, a full disk) and must say the same thing about each. The
window says the same in Qt's translations (``gui/messages.py``).

Exit codes: 2 for what the user pointed at (not a case, damaged, too new),
1 for a case that is fine but cannot be written now (busy, read-only, full).
"""

from __future__ import annotations

from casefile.faults import PROBLEM_TEXT, WriteFailedError
from casefile.store import CaseError, CaseProblem

BUSY_TEXT = ("this case is open in another Screenproof window", "此案件正在另一个窗口中使用")


def rebuild_hint(e: CaseError) -> str:
    originals = e.folder / "originals"
    return (
        f"Your original screenshots are kept apart from the database, in {originals}: each file is named by its own SHA-256, "
        f"so anyone can check it (sha256sum, or certutil -hashfile FILE SHA256 on Windows). "
        f"To rebuild the case, import that folder into a new one: "
        f"screenproof import --case NEW_FOLDER {originals} / "
        f"原始截图与数据库分开保存在 {originals}：每个文件以其 SHA-256 命名，任何人都可核对其是否完好"
        f"（sha256sum，Windows 上用 certutil -hashfile 文件 SHA256）。"
        f"如需重建案件，请把该文件夹导入新案件：screenproof import --case 新文件夹 {originals}"
    )


def describe_case_error(e: CaseError) -> str:
    f = e.folder
    if e.problem is CaseProblem.BUSY:
        en, zh = BUSY_TEXT
        return f"error: {f}: {en}; close it there and try again / {zh}，请先在那里关闭后重试"
    if e.problem is CaseProblem.NOT_WRITABLE:
        return (
            f"error: {f}: the case folder cannot be written (a write-protected disk or no permission); "
            f"list, verify, timeline and export still work / 案件文件夹无法写入（磁盘受写保护或没有权限）；"
            f"list、verify、timeline 和 export 仍可使用"
        )
    if e.problem is CaseProblem.READ_ONLY:
        return f"error: {f}: the case is open read-only / 案件以只读方式打开"
    if e.problem is CaseProblem.WRITE_FAILED and e.fault is not None:
        en, zh = PROBLEM_TEXT[e.fault]
        return f"error: could not write the case in {f}: {en} / 无法在 {f} 写入案件：{zh}"
    if e.problem is CaseProblem.DAMAGED:
        return (
            f"error: {f}: the case database is damaged or not a Screenproof case / "
            f"案件数据库已损坏或不是 Screenproof 案件。\n{rebuild_hint(e)}"
        )
    return f"error: {f}: {e.reason}"


def exit_code(e: CaseError | WriteFailedError) -> int:
    if isinstance(e, WriteFailedError):
        return 1
    if e.problem in (CaseProblem.NOT_A_CASE, CaseProblem.DAMAGED, CaseProblem.TOO_NEW, CaseProblem.CANNOT_OPEN):
        return 2
    return 1
