<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TagMenu</name>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="45"/>
        <source>What “%1” cites</source>
        <translation>“%1”的依据</translation>
    </message>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="48"/>
        <source>Suggested by a rule: not in the dossier until you confirm it</source>
        <translation>规则建议：经您确认后才列入证据材料</translation>
    </message>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="51"/>
        <source>No verified rule on file for this tag</source>
        <translation>本软件资料中尚无此标签可核实的规范条文</translation>
    </message>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="54"/>
        <source>A recommended standard or an industry guideline is not law.</source>
        <translation>推荐性国家标准和行业自律规范不是法律。</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="534"/>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="542"/>
        <source>%1: suggested by a rule, not confirmed (not in the dossier)</source>
        <translation>%1：规则建议，尚未确认（不列入证据材料）</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="544"/>
        <source>%1: confirmed</source>
        <translation>%1：已确认</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="548"/>
        <source>No verified rule on file for this tag</source>
        <translation>本软件资料中尚无此标签可核实的规范条文</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="550"/>
        <source>Right-click to confirm or remove a tag.</source>
        <translation>右键单击可确认或删除标签。</translation>
    </message>
</context>
</TS>
