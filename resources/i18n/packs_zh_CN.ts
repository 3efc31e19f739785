<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LetterEditor</name>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>You (complainant)</source>
        <translation>您（投诉人）</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>Complained about</source>
        <translation>被投诉方</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>What you ask for</source>
        <translation>您的请求</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>Facts (from the case)</source>
        <translation>事实（取自案件）</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>Rules breached</source>
        <translation>违反的规定</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>Already raised with another body?</source>
        <translation>是否已向其他机构反映？</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>Statement</source>
        <translation>声明</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>Signature and date</source>
        <translation>签名与日期</translation>
    </message>
    <message>
        <location filename="../../gui/views/letter_editor.py"/>
        <source>The transcription in the pack is an aid; the screenshots are the evidence. Rules marked 未经核实 could not be checked against the official text.</source>
        <translation>材料中的文字整理仅为辅助，证据以截图为准。标明“未经核实”的规定未能与官方文本核对。</translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Per-file limit</source>
        <translation>每个文件大小上限</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>The saved pack cannot be read: {reason}</source>
        <translation>无法读取已保存的材料：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Reopened the pack saved in this folder.</source>
        <translation>已重新打开此文件夹中保存的材料。</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Write a complaint pack</source>
        <translation>生成投诉材料</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Only what the timeline shows now</source>
        <translation>仅包含时间线当前显示的内容</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>parties or numbers, separated by commas</source>
        <translation>相关方或号码，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>confirmed tags, separated by commas</source>
        <translation>已确认的标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Split into numbered files to meet the limit</source>
        <translation>拆分为编号的多个文件以满足大小限制</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Lower image quality (still legible)</source>
        <translation>降低图片质量（仍可辨认）</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Draft the letter from the case</source>
        <translation>根据案件起草信件</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Write the pack</source>
        <translation>生成材料</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Evidence to include</source>
        <translation>包含的证据</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Parties</source>
        <translation>相关方</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>At most this many screenshots</source>
        <translation>最多附截图张数</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>If a file is over the limit</source>
        <translation>文件超过大小限制时</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>About you</source>
        <translation>您的信息</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Kept in the case for every pack; the ID number and address are masked in redacted copies.</source>
        <translation>保存在案件中，每份材料共用；遮盖件中身份证号和地址会被遮盖。</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Address</source>
        <translation>通讯地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Recipient</source>
        <translation>收件机构</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Write into folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Recipient and evidence</source>
        <translation>收件机构与证据</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Limit: {limit}. Source: {source}</source>
        <translation>限制：{limit}。依据：{source}</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>A date is not in the form YYYY-MM-DD.</source>
        <translation>日期格式应为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>No screenshot matches the choice; nothing was written.</source>
        <translation>没有符合所选条件的截图，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Laying out the pack and checking the size of every file…</source>
        <translation>正在排版并检查每个文件的大小…</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Nothing was written. Choose a fix and try again:</source>
        <translation>未写入任何文件。请选择一种处理方式后重试：</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Written: {n} files in {folder}</source>
        <translation>已写入 {n} 个文件：{folder}</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>The pack was not written: {reason}</source>
        <translation>材料未生成：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/pack_dialog.py"/>
        <source>Your details were not kept in the case: {reason}</source>
        <translation>您的信息未能保存到案件中：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>Write a complaint &amp;pack…</source>
        <translation>生成投诉材料(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>MessagePicker</name>
    <message>
        <location filename="../../gui/views/message_picker.py"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/message_picker.py"/>
        <source>Sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <location filename="../../gui/views/message_picker.py"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/views/message_picker.py"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../gui/views/message_picker.py"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../gui/views/message_picker.py"/>
        <source>Untick messages that are not part of the complaint. They are neither transcribed nor counted; their screenshot is still shown whole, and the pack says what was left out.</source>
        <translation>取消勾选与本次投诉无关的消息：这些消息不转录、不计数；所在截图仍完整显示，材料中会说明未收录的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/views/message_picker.py"/>
        <source>{chosen} of {total} messages chosen</source>
        <translation>已选 {chosen} / {total} 条消息</translation>
    </message>
</context>
</TS>
