"""Round-trip corpus made by an independent tool (Debian's python3-openpyxl), generated at test time.

usage: /usr/bin/python3 roundtrip-corpus.py <base.xlsx> <out-dir>

Each output is the base workbook (the built-in sample) loaded and saved by openpyxl with one kind of part a user's
workbook often carries: a bar chart, data validation, conditional formats, comments, an image, defined names, all
of them together, and all of them plus an external link written into the package (openpyxl cannot create one).
"""
import io
import sys
import zipfile

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

base, out = sys.argv[1], sys.argv[2]


def zones(wb):
    return wb["开发区指标"]


def chart(wb):
    ws = zones(wb)
    c = BarChart()
    c.title = "规上工业产值"
    c.add_data(Reference(ws, min_col=3, min_row=3, max_row=ws.max_row), titles_from_data=True)
    c.set_categories(Reference(ws, min_col=1, min_row=4, max_row=ws.max_row))
    ws.add_chart(c, "M2")
    # a chart on a sheet of its own making, too
    other = wb.create_sheet("图表")
    other["A1"] = "产值图"
    c2 = BarChart()
    c2.add_data(Reference(ws, min_col=4, min_row=3, max_row=ws.max_row), titles_from_data=True)
    other.add_chart(c2, "B3")


def validation(wb):
    ws = zones(wb)
    dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("Z4:Z20")
    dv2 = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    ws.add_data_validation(dv2)
    dv2.add("Y4:Y20")


def condfmt(wb):
    ws = zones(wb)
    ws.conditional_formatting.add(
        "C4:C20", CellIsRule(operator="greaterThan", formula=["100"], fill=PatternFill("solid", fgColor="FFC7CE"))
    )
    ws.conditional_formatting.add(
        "D4:D20", ColorScaleRule(start_type="min", start_color="F8696B", end_type="max", end_color="63BE7B")
    )


def comments(wb):
    ws = zones(wb)
    ws["A1"].comment = Comment("填报说明：数据来自统计局", "市发改委")
    wb["参数"]["A1"].comment = Comment("考评年度以文件为准", "市发改委")


def image(wb):
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(buf, format="PNG")
    buf.seek(0)
    zones(wb).add_image(Image(buf), "P20")


def names(wb):
    wb.defined_names.append(DefinedName("产值区域", attr_text="开发区指标!$C$4:$C$9"))
    wb.defined_names.append(DefinedName("考评年度值", attr_text="参数!$B$1"))


def everything(wb):
    for f in (chart, validation, condfmt, comments, image, names):
        f(wb)


VARIANTS = {
    "chart": chart,
    "validation": validation,
    "condfmt": condfmt,
    "comments": comments,
    "image": image,
    "names": names,
    "all": everything,
}

for name, f in VARIANTS.items():
    wb = load_workbook(base)
    f(wb)
    wb.save(f"{out}/{name}.xlsx")


def add_external_link(src, dst):
    """An external link as Excel writes it: a part, its relationship (external target), the workbook's
    <externalReferences>, and a user formula [1]Sheet1!A1 with its cached value."""
    zin = zipfile.ZipFile(src)
    files = {n: zin.read(n) for n in zin.namelist()}
    link = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
        '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="n"><v>42</v></cell></row></sheetData>'
        "</sheetDataSet></externalBook></externalLink>"
    )
    files["xl/externalLinks/externalLink1.xml"] = link.encode()
    files["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'externalLinkPath" Target="file:///C:/data/2022%E5%B9%B4%E6%8C%87%E6%A0%87.xlsx" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    ct = files["[Content_Types].xml"].decode()
    ct = ct.replace(
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    files["[Content_Types].xml"] = ct.encode()
    rels = files["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    files["xl/_rels/workbook.xml.rels"] = rels.encode()
    wbx = files["xl/workbook.xml"].decode()
    refs = '<externalReferences><externalReference r:id="rIdExt1"/></externalReferences>'
    if "<definedNames" in wbx:
        wbx = wbx.replace("<definedNames", refs + "<definedNames", 1)
    else:
        wbx = wbx.replace("</sheets>", "</sheets>" + refs, 1)
    if "xmlns:r=" not in wbx.split(">", 2)[1]:
        wbx = wbx.replace(
            "<workbook ", '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ', 1
        )
    files["xl/workbook.xml"] = wbx.encode()
    # the user's formula on the parameters sheet: =[1]Sheet1!A1, cached 42
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in files.items():
            z.writestr(n, data)


wb = load_workbook(f"{out}/all.xlsx")
wb["参数"]["D1"] = "上年数据"
wb["参数"]["E1"] = "=[1]Sheet1!A1"
wb.save(f"{out}/extlink-base.xlsx")
add_external_link(f"{out}/extlink-base.xlsx", f"{out}/extlink.xlsx")
print("ok")
