<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Labels: %1</source>
        <translation>标注：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>What the phone showed beside the number: its place or carrier, or the phone&apos;s own mark. Kept as read; it cannot be edited.</source>
        <translation>手机在号码旁显示的内容：号码归属地、运营商，或手机自己加的号码标记。按识别原样保留，不能修改。</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <location filename="../../gui/models/message_table_model.py"/>
        <source>Labels shown by the phone: %1</source>
        <translation>手机显示的标注：%1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/models/timeline_model.py"/>
        <source>〔Labels: %1〕</source>
        <translation>〔标注：%1〕</translation>
    </message>
</context>
</TS>
