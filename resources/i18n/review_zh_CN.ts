<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Read &amp;as…</source>
        <translation>按…重新识别(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Read as…</source>
        <translation>按…重新识别</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>The screenshot was read as the wrong kind of screen? Read it again as another kind.</source>
        <translation>截图被当成了别的界面？按正确的界面类型重新识别。</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Text message thread</source>
        <translation>短信对话</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Text message list</source>
        <translation>短信列表</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Chat (WeChat, QQ…)</source>
        <translation>聊天（微信、QQ…）</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Call log</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Draw a box around a message the OCR missed: it is read and added for you to check (a box over several rows of a list gives one message per row)</source>
        <translation>在漏识别的消息周围画一个框：程序会识别框内文字并添加为消息，请您核对（框住列表中的多行会得到每行一条消息）</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Read: “%1”</source>
        <translation>识别到：“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Make it a new message</source>
        <translation>添加为一条新消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/review_pane.py"/>
        <source>Add it to the selected message&apos;s text</source>
        <translation>添加到所选消息的内容末尾</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Read as %1, as you chose.</source>
        <translation>已按您的选择识别为%1。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Looks like %1 (%2% sure).</source>
        <translation>看起来是%1（把握 %2%）。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Looks like %1, but only %2% sure.</source>
        <translation>看起来是%1，但把握只有 %2%。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>It could be %1: if the messages look wrong, choose “Read as…”.</source>
        <translation>也可能是%1：如果消息看起来不对，请选择“按…重新识别”。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>If the messages look wrong, choose “Read as…”.</source>
        <translation>如果消息看起来不对，请选择“按…重新识别”。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Make a message from a read line</source>
        <translation>将识别到的一行添加为消息</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Added as a message. Check its sender and time.</source>
        <translation>已添加为消息。请核对发送方和时间。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Add a read line to a message</source>
        <translation>将识别到的一行添加到消息</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Still reading the last box; please wait a moment.</source>
        <translation>上一个框还在识别中，请稍候。</translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Nothing legible in the box: the message was added empty, please type its text.</source>
        <translation>框内没有可识别的文字：已添加一条空消息，请输入其内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Read %n missed message(s)</source>
        <translation>
            <numerusform>识别 %n 条漏识别的消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>Read %n message(s) from the box. Please check them.</source>
        <translation>
            <numerusform>从框中识别出 %n 条消息，请核对。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>%n line(s) the OCR read but put in no message are outlined in purple: click one to use it.</source>
        <translation>
            <numerusform>有 %n 行文字已识别但未归入任何消息，用紫色虚线框标出：点击即可使用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/controllers/review_controller.py"/>
        <source>The box could not be read. You can type the message instead.</source>
        <translation>无法识别这个框。您可以直接输入消息内容。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>Still reading; try again when it has finished.</source>
        <translation>仍在识别中，请等识别完成后再试。</translation>
    </message>
</context>
</TS>
