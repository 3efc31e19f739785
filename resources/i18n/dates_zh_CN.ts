<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaptureTimeText</name>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>from the file name</source>
        <translation>来自文件名</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>from the photo data (EXIF)</source>
        <translation>来自照片信息（EXIF）</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>file modification time: may not be when the screenshot was taken</source>
        <translation>文件修改时间，可能不是截图时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>set by you</source>
        <translation>由您设定</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>source unknown</source>
        <translation>来源未知</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>capture time unknown</source>
        <translation>截图时间未知</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>%1 (file modification time: may not be when the screenshot was taken)</source>
        <translation>%1（文件修改时间，可能不是截图时间）</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>captured %1 (%2)</source>
        <translation>截图时间 %1（%2）</translation>
    </message>
</context>
<context>
    <name>CaptureTimeDialog</name>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>Capture time</source>
        <translation>截图时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>When were these screenshots taken? Times the screenshots show relative to that moment (yesterday, a weekday, 5 minutes ago, a time without a day) are worked out again. The change is recorded and can be undone.</source>
        <translation>这些截图是什么时候截的？截图中相对截图时间显示的时间（昨天、星期几、5分钟前、没有日期的时刻）会按此时间重新换算。此更改会被记录，可以撤销。</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>Also tick all whose capture time is uncertain or unknown</source>
        <translation>同时勾选截图时间不确定或未知的全部截图</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>Taken at</source>
        <translation>截图时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/capture_time_dialog.py"/>
        <source>Screenshots taken at this time:</source>
        <translation>在这个时间截的截图：</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Edit date</source>
        <translation>修改日期</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Set capture time</source>
        <translation>设定截图时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Capture time set for %n screenshot(s); their relative times were worked out again.</source>
        <translation>
            <numerusform>已为 %n 张截图设定截图时间，其中的相对时间已重新换算。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <location filename="../../gui/models/message_table_model.py"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py"/>
        <source>time not shown</source>
        <translation>时间未显示</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py"/>
        <source>The screenshot shows only the day of this item, not the time.</source>
        <translation>截图只显示了这一条的日期，没有显示具体时间。</translation>
    </message>
    <message>
        <location filename="../../gui/models/message_table_model.py"/>
        <source>The screenshot does not show the day of this item.</source>
        <translation>截图没有显示这一条的日期。</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/models/timeline_model.py"/>
        <source>time not shown</source>
        <translation>时间未显示</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py"/>
        <source>The screenshot shows the day but not the time; listed after that day's timed items.</source>
        <translation>截图只显示了日期，没有显示时间；排在当天有具体时间的记录之后。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>Set &amp;capture time…</source>
        <translation>设定截图时间(&amp;C)…</translation>
    </message>
</context>
</TS>
