"""Screenshots → JPEG copies sized for the page.

The PDF is for reading and e-mailing; the originals travel byte for byte in
the bundle. A 1080×2340 PNG screenshot is 0.5–2 MB; scaled to what the page
shows at ``dpi`` and stored as JPEG it is ~100 KB, so 200 exhibits stay an
attachment rather than a 200 MB file. Encoding is deterministic for the same
input and settings, so a re-export is byte-identical.

A long scrolling screenshot fitted whole onto one page would be a thin,
unreadable strip, so images taller than ``max_ratio`` are cut into slices
shown one after another at a readable width.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageOps

try:  # HEIC originals decode only where the optional plugin is installed (as for import)
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - depends on the installation
    pass

POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class PageImage:
    """One JPEG to place, and its size on the page in points."""

    jpeg: bytes
    width_pt: float
    height_pt: float
    pixels: tuple[int, int]
    # Where the JPEG was spooled (then ``jpeg`` is empty): a dossier of 2,000 exhibits keeps
    # its pictures on disk, not in memory, and ReportLab embeds a JPEG file as it is.
    path: str = ""
    # The original's pixel rows this JPEG shows (top, bottom): a slice of a long screenshot
    # carries the messages whose boxes start in it (export.sections.segments).
    rows: tuple[int, int] = (0, 0)


class SpooledJpeg(str):
    """The path of a spooled JPEG whose ``str()`` is its file name alone.

    ReportLab names an image drawn from a file by a digest of ``str(path)``; the
    temporary folder differs on every run, the file name does not, so the same
    case and options still give the same PDF bytes.
    """

    def __str__(self) -> str:
        return Path(str.__str__(self)).name


def spool(images: list[PageImage], folder: Path, stem: str) -> list[PageImage]:
    """Write each JPEG to ``folder`` and keep only its path (bounded memory for any case size)."""
    out = []
    for i, img in enumerate(images):
        path = folder / f"{stem}-{i}.jpg"
        path.write_bytes(img.jpeg)
        out.append(replace(img, jpeg=b"", path=SpooledJpeg(path)))
    return out


def fit(w: float, h: float, max_w: float, max_h: float) -> tuple[float, float]:
    """Scale (w, h) to fit inside (max_w, max_h), keeping the aspect ratio (small images are enlarged)."""
    s = min(max_w / w, max_h / h)
    return w * s, h * s


def page_images(
    data: bytes,
    *,
    max_w_pt: float,
    max_h_pt: float,
    min_w_pt: float,
    dpi: int,
    quality: int,
) -> list[PageImage]:
    """The original (its bytes) as one JPEG, or several slices when it is very tall."""
    with Image.open(io.BytesIO(data)) as raw:
        im = ImageOps.exif_transpose(raw)
        im.load()
    im = _flatten(im)
    w, h = im.size
    disp_w, disp_h = fit(w, h, max_w_pt, max_h_pt)
    if disp_w >= min_w_pt or h <= w:
        return [replace(_encode(im, disp_w, disp_h, dpi, quality), rows=(0, h))]
    # Too tall: show slices at a readable width, each as tall as the page allows.
    disp_w = min(max_w_pt, float(w))
    scale = disp_w / w  # points per pixel
    slice_px = max(1, int(max_h_pt / scale))
    out = []
    for top in range(0, h, slice_px):
        part = im.crop((0, top, w, min(h, top + slice_px)))
        encoded = _encode(part, disp_w, part.height * scale, dpi, quality)
        out.append(replace(encoded, rows=(top, top + part.height)))
    return out


def _flatten(im: Image.Image) -> Image.Image:
    """JPEG has no alpha or palette: composite on white, as the screenshot looked."""
    if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        bg = Image.new("RGB", rgba.size, (255, 255, 255))
        bg.paste(rgba, mask=rgba.getchannel("A"))
        return bg
    if im.mode not in ("RGB", "L"):
        return im.convert("RGB")
    return im


def _encode(im: Image.Image, w_pt: float, h_pt: float, dpi: int, quality: int) -> PageImage:
    target_w = max(1, round(w_pt / POINTS_PER_INCH * dpi))
    if target_w < im.width:
        target_h = max(1, round(im.height * target_w / im.width))
        # Bicubic: a third faster than Lanczos at this ratio, and text stays crisp.
        im = im.resize((target_w, target_h), Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=quality, optimize=True)
    return PageImage(buf.getvalue(), w_pt, h_pt, im.size)
