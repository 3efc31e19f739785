<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseDetailsDialog</name>
    <message>
        <location filename="../../gui/views/dialogs.py" line="47"/>
        <source>Case details</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="49"/>
        <source>e.g. Harassment by the collectors of XX Loan</source>
        <translation>例如：XX 贷催收人员骚扰</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="51"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="53"/>
        <source>One lending platform or company per line</source>
        <translation>每行一个借贷平台或公司</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="57"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="58"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="59"/>
        <source>Platform(s)</source>
        <translation>被投诉平台</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="60"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/views/dialogs.py" line="161"/>
        <source>Something went wrong</source>
        <translation>出现了问题</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="164"/>
        <source>Screenproof ran into a problem it did not expect. Your case and every correction saved so far are safe.

If you want to help fix it, copy the report below and send it to whoever gave you Screenproof. The log file is %1.</source>
        <translation>截图证据整理遇到了一个意外问题。您的案件和已保存的所有更正都是安全的。

如果您愿意帮助修复，请复制下面的报告，发送给向您提供本软件的人。日志文件：%1。</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="174"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../gui/views/dialogs.py" line="139"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="147"/>
        <source>Not added or not read:</source>
        <translation>未添加或未能识别：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="150"/>
        <source>Text recognition &amp;engine</source>
        <translation>文字识别引擎(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="150"/>
        <source>Automatic (the most accurate installed)</source>
        <translation>自动（使用已安装的最准确引擎）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="150"/>
        <source>RapidOCR: more accurate on real screenshots</source>
        <translation>RapidOCR：真实截图上更准确</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="150"/>
        <source>Tesseract: about three times faster</source>
        <translation>Tesseract：快约三倍</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="150"/>
        <source>New and re-read screenshots will use this engine.</source>
        <translation>之后新导入和重新识别的截图将使用此引擎。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="74"/>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="77"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116"/>
        <source>&amp;Import screenshots…</source>
        <translation>导入截图(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120"/>
        <source>&amp;Open case folder…</source>
        <translation>打开案件文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>&amp;New case folder…</source>
        <translation>新建案件文件夹(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122"/>
        <source>Case &amp;details…</source>
        <translation>案件信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>&amp;Export dossier…</source>
        <translation>导出证据材料(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="128"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="129"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="131"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <source>&amp;Review</source>
        <translation>核对(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="138"/>
        <source>&amp;Next screenshot</source>
        <translation>下一张截图(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139"/>
        <source>&amp;Previous screenshot</source>
        <translation>上一张截图(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>Mark as reviewed and go to the &amp;next</source>
        <translation>标记为已核对并转到下一张(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="143"/>
        <source>Next &amp;unsure field</source>
        <translation>下一个存疑字段(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145"/>
        <source>&amp;Read screenshots again</source>
        <translation>重新识别截图(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="147"/>
        <source>&amp;Counterparties…</source>
        <translation>对方分组(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="149"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="150"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="156"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>&amp;About Screenproof</source>
        <translation>关于截图证据整理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="158"/>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="182"/>
        <source>Case folder</source>
        <translation>案件文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="207"/>
        <source>%1 — Screenproof</source>
        <translation>%1 — 截图证据整理</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="208"/>
        <source>Case: %1</source>
        <translation>案件：%1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="211"/>
        <source>Open case folder</source>
        <translation>打开案件文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="216"/>
        <source>Choose an empty folder for the new case</source>
        <translation>为新案件选择一个空文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="234"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="234"/>
        <source>Exporting the dossier is not available yet.</source>
        <translation>暂时还不能导出证据材料。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="248"/>
        <source>Import screenshots</source>
        <translation>导入截图</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.heic);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.heic);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="255"/>
        <source>Import a folder of screenshots</source>
        <translation>导入截图文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="301"/>
        <source>Text recognition is not installed</source>
        <translation>未安装文字识别程序</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="372"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="372"/>
        <source>The new language is used the next time Screenproof starts.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="377"/>
        <source>&lt;h3&gt;Screenproof %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;截图证据整理 %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="379"/>
        <source>&lt;p&gt;Organises screenshots of harassment by debt collectors into an evidence dossier.&lt;/p&gt;</source>
        <translation>&lt;p&gt;把催收骚扰的截图整理成证据材料。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="381"/>
        <source>&lt;p&gt;Log file:&lt;br&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;日志文件：&lt;br&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="384"/>
        <source>&lt;p&gt;Case folder:&lt;br&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;案件文件夹：&lt;br&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="387"/>
        <source>About Screenproof</source>
        <translation>关于截图证据整理</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="131"/>
        <source>(no text: a picture, a sticker, or not read)</source>
        <translation>（无文字：图片、表情或未能识别）</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="96"/>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="97"/>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="98"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="115"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="116"/>
        <source>Sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="117"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="118"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="119"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="152"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="167"/>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="168"/>
        <source>Corrected by you. The OCR read: %1</source>
        <translation>已由您更正。识别结果为：%1</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="170"/>
        <source>Added by you</source>
        <translation>由您添加</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="173"/>
        <source>The time could not be read; please enter it.</source>
        <translation>未能识别时间，请填写。</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py" line="177"/>
        <source>The OCR is unsure here (%1% confident); please check.</source>
        <translation>识别结果不确定（可信度 %1%），请核对。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gui/messages.py" line="85"/>
        <source>the image cannot be decoded: it is damaged, or not an image</source>
        <translation>图片无法解码：文件已损坏，或不是图片</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="85"/>
        <source>the image file was not found</source>
        <translation>找不到图片文件</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="85"/>
        <source>the image is too small to be a phone screenshot</source>
        <translation>图片太小，不像手机截图</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="85"/>
        <source>the OCR engine failed on it; read it again, or with the other engine</source>
        <translation>识别引擎读取这张图片时出错；请重新识别，或换用另一个识别引擎</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="85"/>
        <source>an error in Screenproof (the log file has the details); enter the messages by hand</source>
        <translation>Screenproof 程序出错（详情见日志文件）；请手动录入这张截图的消息</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="85"/>
        <source>the reading process stopped unexpectedly; read it again</source>
        <translation>识别进程意外停止；请重新识别</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="23"/>
        <source>the file no longer exists</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="24"/>
        <source>the file cannot be read (permissions or a disk error)</source>
        <translation>无法读取文件（权限问题或磁盘错误）</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="27"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="28"/>
        <source>the file is larger than 200 MB, so it is not a screenshot</source>
        <translation>文件超过 200 MB，不是截图</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="31"/>
        <source>the picture is far too large to be a screenshot</source>
        <translation>图片尺寸太大，不是截图</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="34"/>
        <source>this is not a picture</source>
        <translation>这不是图片</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="35"/>
        <source>this picture format is not supported (use PNG, JPEG, WebP, BMP or HEIC)</source>
        <translation>不支持这种图片格式（请使用 PNG、JPEG、WebP、BMP 或 HEIC）</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="38"/>
        <source>iPhone HEIC pictures need the pillow-heif package</source>
        <translation>iPhone 的 HEIC 图片需要安装 pillow-heif</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="41"/>
        <source>the picture is damaged or incomplete</source>
        <translation>图片已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="42"/>
        <source>the case folder cannot be written to</source>
        <translation>无法写入案件文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="52"/>
        <source>%1 was not added: %2</source>
        <translation>%1 未添加：%2</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="61"/>
        <source>The case folder %1 cannot be opened or written to.

Check that the folder exists, that you may write to it and that the disk is not full, or choose another folder (File → Open case folder).

Details: %2</source>
        <translation>无法打开或写入案件文件夹 %1。

请确认文件夹存在、您有写入权限、磁盘没有满，或者选择其他文件夹（文件 → 打开案件文件夹）。

详细信息：%2</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="74"/>
        <source>The text recognition program (Tesseract with Simplified Chinese) is not installed, so the screenshots cannot be read yet. They are safely stored in the case.

Open a terminal and run:

%1

then choose Review → Read screenshots again.</source>
        <translation>尚未安装文字识别程序（Tesseract 及简体中文数据），所以暂时无法识别截图。截图已安全保存在案件中。

请打开终端并运行：

%1

然后选择 核对 → 重新识别截图。</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="85"/>
        <source>could not be read</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="86"/>
        <source>could not be read: %1</source>
        <translation>无法识别：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/messages.py" line="91"/>
        <source>%n screenshot(s) added</source>
        <translation>
            <numerusform>已添加 %n 张截图</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/messages.py" line="93"/>
        <source>%n already in the case</source>
        <translation>
            <numerusform>%n 张已在案件中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/messages.py" line="95"/>
        <source>%n not added</source>
        <translation>
            <numerusform>%n 个未添加</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="96"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="98"/>
        <source> (stopped before the end)</source>
        <translation>（中途已停止）</translation>
    </message>
</context>
<context>
    <name>PartiesDialog</name>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="53"/>
        <location filename="../../gui/views/parties_dialog.py" line="175"/>
        <source>Counterparties</source>
        <translation>对方分组</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="60"/>
        <source>Name of the party, e.g. the lender</source>
        <translation>对方名称，例如贷款平台</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="62"/>
        <source>New party</source>
        <translation>新建对方</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="63"/>
        <source>Save party</source>
        <translation>保存对方</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="64"/>
        <source>Delete party</source>
        <translation>删除对方</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="69"/>
        <source>Parties</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="76"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="78"/>
        <source>Numbers and names that belong to this party</source>
        <translation>属于该对方的号码和名称</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="103"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="119"/>
        <source>%1 (now in %2)</source>
        <translation>%1（现属于 %2）</translation>
    </message>
    <message>
        <location filename="../../gui/views/parties_dialog.py" line="176"/>
        <source>Give the party a name and tick at least one sender.</source>
        <translation>请填写对方名称，并至少勾选一个发送方。</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../gui/views/progress_panel.py" line="23"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/views/progress_panel.py" line="36"/>
        <source>Adding screenshots</source>
        <translation>正在添加截图</translation>
    </message>
    <message>
        <location filename="../../gui/views/progress_panel.py" line="36"/>
        <source>Reading text</source>
        <translation>正在识别文字</translation>
    </message>
    <message>
        <location filename="../../gui/views/progress_panel.py" line="48"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="75"/>
        <source>Drag screenshots of text messages, chats or call logs anywhere onto this window,
or choose File → Import screenshots (Ctrl+O).

They are copied into the case unchanged and read automatically.</source>
        <translation>把短信、聊天记录或通话记录的截图拖到窗口任意位置，
或选择 文件 → 导入截图（Ctrl+O）。

截图会原样复制到案件中，并自动识别文字。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="157"/>
        <source>taken %1</source>
        <translation>截图于 %1</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="159"/>
        <source>text messages</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="160"/>
        <source>message list</source>
        <translation>短信列表</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="161"/>
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="162"/>
        <source>call log</source>
        <translation>通话记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/controllers/review_controller.py" line="167"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="192"/>
        <source>Edit sender</source>
        <translation>修改发送方</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="193"/>
        <source>Edit time</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="194"/>
        <source>Edit text</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="195"/>
        <source>Edit direction</source>
        <translation>修改方向</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="197"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/controllers/review_controller.py" line="204"/>
        <source>Delete %n message(s)</source>
        <translation>
            <numerusform>删除 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="206"/>
        <source>Deleted. The message stays in the correction record; Ctrl+Z brings it back.</source>
        <translation>已删除。该消息仍保留在更正记录中；按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="240"/>
        <source>Add message</source>
        <translation>添加消息</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="252"/>
        <source>Nothing to split: put each message on its own line.</source>
        <translation>无法拆分：请把每条消息放在单独一行。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="257"/>
        <source>Split message</source>
        <translation>拆分消息</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="265"/>
        <source>Merge messages</source>
        <translation>合并消息</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="298"/>
        <source>Set sender/time for all</source>
        <translation>统一设置发送方/时间</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py" line="333"/>
        <source>No unsure fields left.</source>
        <translation>没有存疑的字段了。</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../gui/views/review_pane.py" line="118"/>
        <source>Drag screenshots here, or choose File → Import screenshots (Ctrl+O).</source>
        <translation>把截图拖到这里，或选择 文件 → 导入截图（Ctrl+O）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="136"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="136"/>
        <source>Enlarge the screenshot (Ctrl + mouse wheel)</source>
        <translation>放大截图（Ctrl + 鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="138"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="138"/>
        <source>Shrink the screenshot</source>
        <translation>缩小截图</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="139"/>
        <source>Fit</source>
        <translation>适应高度</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="139"/>
        <source>Show the whole height of the screenshot</source>
        <translation>显示截图的完整高度</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="142"/>
        <source>Add missed message</source>
        <translation>补充漏识别的消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="143"/>
        <source>Draw a box around a message the OCR missed, then type its text</source>
        <translation>在图上框出漏识别的消息，然后输入内容</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="147"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="148"/>
        <source>Remove a wrongly read message (it stays in the correction record)</source>
        <translation>删除识别错误的消息（仍保留在更正记录中）</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="151"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="151"/>
        <source>Split one bubble that holds several messages</source>
        <translation>把包含多条消息的气泡拆开</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="152"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="152"/>
        <source>Join the selected rows into one message</source>
        <translation>把选中的几行合并为一条消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="154"/>
        <source>Sender/time for all…</source>
        <translation>统一设置发送方/时间…</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="155"/>
        <source>Set the sender or the time of every message on this screenshot at once</source>
        <translation>一次性设置本截图所有消息的发送方或时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="158"/>
        <source>Reviewed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py" line="158"/>
        <source>Mark this screenshot as checked by you</source>
        <translation>标记本截图已由您核对</translation>
    </message>
</context>
<context>
    <name>ScreenshotListModel</name>
    <message>
        <location filename="../../gui/models/screenshot_list_model.py" line="156"/>
        <source>Waiting to be read</source>
        <translation>等待识别</translation>
    </message>
    <message>
        <location filename="../../gui/models/screenshot_list_model.py" line="157"/>
        <source>Reading…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <location filename="../../gui/models/screenshot_list_model.py" line="158"/>
        <source>Needs review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../gui/models/screenshot_list_model.py" line="159"/>
        <source>Reviewed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../gui/models/screenshot_list_model.py" line="160"/>
        <source>Could not be read</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location filename="../../gui/models/screenshot_list_model.py" line="161"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/screenshot_list_model.py" line="172"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetAllDialog</name>
    <message>
        <location filename="../../gui/views/dialogs.py" line="101"/>
        <source>Sender and time for all messages</source>
        <translation>统一设置所有消息的发送方和时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="102"/>
        <source>Sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="104"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="113"/>
        <source>Tick what to change. Every message on this screenshot gets the same value.</source>
        <translation>勾选要修改的项目。本截图的所有消息都会设为相同的值。</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../gui/views/dialogs.py" line="80"/>
        <source>Split message</source>
        <translation>拆分消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/dialogs.py" line="82"/>
        <source>Press Enter where one message ends and the next begins. Each line becomes a message.</source>
        <translation>在一条消息结束、下一条开始的地方按回车。每一行成为一条消息。</translation>
    </message>
</context>
<context>
    <name>TagMenu</name>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="30"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="34"/>
        <source>Confirm “%1”</source>
        <translation>确认「%1」</translation>
    </message>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="37"/>
        <source>Remove “%1”</source>
        <translation>移除「%1」</translation>
    </message>
    <message>
        <location filename="../../gui/views/tag_menu.py" line="40"/>
        <source>No tags defined by the rules</source>
        <translation>规则中没有定义标签</translation>
    </message>
</context>
</TS>
