<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>&amp;Redact…</source>
        <translation>遮盖(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/views/export_dialog.py"/>
        <source>Redact (ID and card numbers, third parties' numbers; no bundle)</source>
        <translation>遮盖（身份证号、银行卡号、第三人电话；不生成证据包）</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>A redacted value was still readable in the dossier ({where}), so the file was removed. Nothing was written. Please report it.</source>
        <translation>证据材料中仍可读到已遮盖的内容（{where}），文件已删除，未写入任何文件。请报告此问题。</translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Redact</source>
        <translation>遮盖</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Finding numbers to redact…</source>
        <translation>正在查找需遮盖的号码…</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Drag on the image to add a box. Collectors' numbers are never redacted by default.</source>
        <translation>在图片上拖动即可添加遮盖框。催收方号码默认不遮盖。</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Could not read the screenshot: %1</source>
        <translation>无法读取截图：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>bank card</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>third party's number</source>
        <translation>第三人电话</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>address or typed value</source>
        <translation>地址或手动添加的内容</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>drawn by you</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Could not save the redactions in %1: %2</source>
        <translation>无法在 %1 中保存遮盖设置：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>%n box(es) saved earlier.</source>
        <translation>
            <numerusform>之前保存的遮盖框 %n 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>%n box(es) found: ID and card numbers, third parties' numbers.</source>
        <translation>
            <numerusform>找到 %n 处：身份证号、银行卡号、第三人电话。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Add a value to mask everywhere (an address, a name)</source>
        <translation>添加要在各处遮盖的内容（地址、姓名等）</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>Mask this value</source>
        <translation>遮盖此内容</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>The value will be boxed when the screenshot has been read.</source>
        <translation>截图识别完成后将为此内容加上遮盖框。</translation>
    </message>
    <message>
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>The value was not found on this screenshot; it is still masked in every text copy.</source>
        <translation>此截图上未找到该内容；所有文字副本中仍会遮盖。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/redaction_dialog.py"/>
        <source>%n box(es) added for the value; it is masked in every text copy too.</source>
        <translation>
            <numerusform>已为该内容添加 %n 个遮盖框；所有文字副本中也会遮盖。</numerusform>
        </translation>
    </message>
</context>
</TS>
