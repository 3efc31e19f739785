<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="121"/>
        <source>Export the evidence dossier</source>
        <translation>导出证据材料</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="126"/>
        <source>The dossier is a PDF you can print or send: a cover, an index of the screenshots, counts, the timeline, and every screenshot. The evidence bundle adds the original screenshot files with their SHA-256 hashes, so anyone can check nothing was changed.</source>
        <translation>证据材料是一份可以打印或发送的 PDF：封面、截图目录、统计、时间线和全部截图。证据包另附原始截图文件及其 SHA-256 哈希值，任何人都可以核对文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="134"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="139"/>
        <source>Also write the evidence bundle (a folder and a .zip)</source>
        <translation>同时生成证据包（文件夹和 .zip 压缩包）</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="153"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="155"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="173"/>
        <source>Save the PDF as</source>
        <translation>PDF 保存为</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="174"/>
        <source>Language of the dossier</source>
        <translation>材料语言</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="176"/>
        <source>Contents</source>
        <translation>包含内容</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="179"/>
        <source>Cover page</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="180"/>
        <source>Index of the screenshots</source>
        <translation>截图证据目录</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="181"/>
        <source>Summary counts and chart</source>
        <translation>统计摘要和图表</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="182"/>
        <source>Timeline of all messages</source>
        <translation>全部消息时间线</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="183"/>
        <source>The screenshots themselves</source>
        <translation>截图原图</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="184"/>
        <source>Appendix: file hashes and corrections</source>
        <translation>附录：文件哈希值和更正记录</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="219"/>
        <source>Evidence dossier</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="237"/>
        <source> - evidence bundle</source>
        <translation> - 证据包</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="242"/>
        <source>Save the dossier as</source>
        <translation>证据材料保存为</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="242"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="253"/>
        <source>Folder: {folder}
Zip: {zip}</source>
        <translation>文件夹：{folder}
压缩包：{zip}</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="287"/>
        <source>Writing the dossier…</source>
        <translation>正在生成证据材料…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="299"/>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="300"/>
        <source>{name} already exists. Replace it with the new dossier?</source>
        <translation>{name} 已存在。要用新的证据材料替换它吗？</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="312"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="325"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="158"/>
        <location filename="../../gui/views/export_dialog.py" line="325"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="341"/>
        <source>Writing the evidence bundle…</source>
        <translation>正在生成证据包…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="359"/>
        <source>Cancelled. No file was written.</source>
        <translation>已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="368"/>
        <source>Done. The dossier is saved as:
{pdf}</source>
        <translation>完成。证据材料已保存为：
{pdf}</translation>
    </message>
    <message>
        <location filename="../../gui/views/export_dialog.py" line="370"/>
        <source>The evidence bundle: {folder} and {zip}</source>
        <translation>证据包：{folder} 和 {zip}</translation>
    </message>
</context>
<context>
    <name>FrequencyChart</name>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="54"/>
        <location filename="../../gui/views/frequency_chart.py" line="150"/>
        <source>Contact received per day</source>
        <translation>每日收到的消息和来电</translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="75"/>
        <source>No messages with a known time yet</source>
        <translation>还没有带时间的消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="152"/>
        <source>Night ({start}–{end})</source>
        <translation>夜间（{start}–{end}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="153"/>
        <source>Daytime</source>
        <translation>白天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/frequency_chart.py" line="155"/>
        <source>High-frequency day (≥ %n)</source>
        <translation>
            <numerusform>高频日（≥ %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="224"/>
        <source>{month}/{day}</source>
        <comment>axis day label; keep the {names}</comment>
        <translation>{month}/{day}</translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="230"/>
        <source>{year}-{month:02}</source>
        <comment>axis month label; keep the {names}</comment>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="277"/>
        <source>{year}-{month:02}-{day:02}</source>
        <comment>tooltip date; keep the {names}</comment>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/frequency_chart.py" line="280"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>共 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/frequency_chart.py" line="282"/>
        <source>%n at night</source>
        <translation>
            <numerusform>其中夜间 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="284"/>
        <source>High-frequency day</source>
        <translation>高频日</translation>
    </message>
    <message>
        <location filename="../../gui/views/frequency_chart.py" line="285"/>
        <source>Click to show this day</source>
        <translation>点击查看当天消息</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="384"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="385"/>
        <source>From</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="386"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="387"/>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="388"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="389"/>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/timeline_model.py" line="414"/>
        <source>%n message(s)</source>
        <comment>day header count</comment>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="416"/>
        <source>Time unknown</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="421"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="422"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="423"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="424"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="425"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="426"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="427"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="429"/>
        <source>{weekday}, {year}-{month:02}-{day:02}</source>
        <comment>day header date; keep the {names}</comment>
        <translation>{year}年{month}月{day}日 {weekday}</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="473"/>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="476"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="486"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="486"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="486"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="488"/>
        <source>received</source>
        <translation>收到</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="489"/>
        <source>sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="490"/>
        <source>missed</source>
        <translation>未接</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/timeline_model.py" line="498"/>
        <source>Seen on %n screenshot(s); counted once.</source>
        <translation>
            <numerusform>出现在 %n 张截图中，只计一次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="500"/>
        <source>The readings differ slightly; the fullest one is shown.</source>
        <translation>各截图的识别结果略有不同，显示最完整的一条。</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="505"/>
        <source>Time not shown on the screenshot; listed after the message before it.</source>
        <translation>截图上没有显示时间；排在同一截图中前一条消息之后。</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="506"/>
        <source>Time not shown on the screenshot.</source>
        <translation>截图上没有显示时间。</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="509"/>
        <source>At night ({start}–{end}).</source>
        <translation>夜间（{start}–{end}）。</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="514"/>
        <source>Double-click to open this message and its screenshot</source>
        <translation>双击打开这条消息及其截图</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="241"/>
        <source>Search text, number or name</source>
        <translation>搜索内容、号码或名称</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="243"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="249"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="250"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="251"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="252"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="280"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="333"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="335"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="394"/>
        <source>Updating the timeline…</source>
        <translation>正在更新时间线…</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="442"/>
        <source>The timeline could not be built. Please report this problem.</source>
        <translation>无法生成时间线，请报告此问题。</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="520"/>
        <source>Group the selected senders as one counterparty…</source>
        <translation>将所选发送方归为同一对方…</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="602"/>
        <source>Showing {shown} of {total} messages</source>
        <translation>显示 {shown} 条，共 {total} 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/timeline_view.py" line="605"/>
        <source>%n message(s) in the case</source>
        <translation>
            <numerusform>本案共 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="609"/>
        <source>No messages yet. Import screenshots and let them be read; the timeline fills in here.</source>
        <translation>还没有消息。导入截图并完成识别后，时间线会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="595"/>
        <location filename="../../gui/views/timeline_view.py" line="614"/>
        <source>No messages match these filters.</source>
        <translation>没有符合筛选条件的消息。</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="626"/>
        <source>All senders</source>
        <translation>全部对方</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_view.py" line="627"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>An original screenshot is missing from the case folder: {path}. Run “Verify the case” to see which ones.</source>
        <translation>案件文件夹中缺少一张原始截图：{path}。请运行“校验案件”查看是哪些文件。</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>An original screenshot was changed after it was imported: {path}. The dossier was not written, because its hashes would no longer match.</source>
        <translation>一张原始截图在导入后被改动过：{path}。由于哈希值将无法对应，未生成证据材料。</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>An original screenshot cannot be read: {path}.</source>
        <translation>无法读取原始截图：{path}。</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>Cannot write to {path}. Choose another folder (for example Documents).</source>
        <translation>无法写入 {path}。请选择其他文件夹（例如“文档”）。</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>The folder {path} already exists and is not an earlier evidence bundle. Choose another file name, or move that folder away.</source>
        <translation>文件夹 {path} 已存在，且不是之前生成的证据包。请换一个文件名，或把该文件夹移走。</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>Cannot write {path}: {reason}. Choose another folder or free some disk space.</source>
        <translation>无法写入 {path}：{reason}。请选择其他文件夹或清理磁盘空间。</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py"/>
        <source>The export failed because of an error in Screenproof. Nothing was written. Please report it.</source>
        <translation>由于 Screenproof 程序出错，导出失败，没有写入任何文件。请报告此问题。</translation>
    </message>
</context>
</TS>
