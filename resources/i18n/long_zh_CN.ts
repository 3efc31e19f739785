<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Show the whole screenshot; a long scrolling screenshot fills the width, from its top</source>
        <translation>显示整张截图；长截图按宽度显示，从顶部开始</translation>
    </message>
</context>
</TS>
