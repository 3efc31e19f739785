<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PhoneText</name>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>me</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>Source phone: my own</source>
        <translation>来源手机：本人</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>Source phone: %1</source>
        <translation>来源手机：%1</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>to %1</source>
        <translation>发给%1</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>本人 (my own phone)</source>
        <translation>本人（我自己的手机）</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>my phone</source>
        <translation>本人手机</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>%1's phone</source>
        <translation>%1的手机</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>%1: %2</source>
        <translation>%1 %2 张</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>(source phone: %1)</source>
        <translation>（来源手机：%1）</translation>
    </message>
    <message>
        <location filename="../../gui/phone_text.py"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Change source phone</source>
        <translation>更改来源手机</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Source phone</source>
        <translation>来源手机</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Whose phone did the %n selected screenshot(s) come from?</source>
        <translation>
            <numerusform>选中的 %n 张截图来自谁的手机？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Whose phone are these screenshots from?</source>
        <translation>这些截图来自谁的手机？</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Collectors often write to your family and colleagues too; their screenshots prove it. On a screenshot from someone else's phone, “me” and “sent” mean that person.</source>
        <translation>催收方常常也给您的家人和同事发消息，他们手机上的截图就是证据。在别人手机的截图上，“我”和“发出”指的是那个人。</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>or type a name, e.g. 母亲, 同事张某</source>
        <translation>或输入称呼，例如：母亲、同事张某</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Use the sub-folder names as the phone: %1</source>
        <translation>按子文件夹名称区分手机：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>A file in a sub-folder such as 妈妈/ takes that name; files directly in the folder take the name above.</source>
        <translation>子文件夹（如 妈妈/）中的文件归入该名称；直接放在所选文件夹中的文件归入上面的手机。</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_dialog.py"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PhoneFilter</name>
    <message>
        <location filename="../../gui/views/phone_widgets.py"/>
        <source>Whose phone received the messages</source>
        <translation>消息发到了谁的手机</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_widgets.py"/>
        <source>Receiving phone</source>
        <translation>接收手机</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_widgets.py"/>
        <source>Every receiving phone</source>
        <translation>所有接收手机</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_widgets.py"/>
        <source>All phones</source>
        <translation>全部手机</translation>
    </message>
</context>
<context>
    <name>SourcePhoneBar</name>
    <message>
        <location filename="../../gui/views/phone_widgets.py"/>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_widgets.py"/>
        <source>Screenshots from your mother's or a colleague's phone? Say whose they are.</source>
        <translation>截图来自母亲或同事的手机？请在这里说明是谁的手机。</translation>
    </message>
    <message>
        <location filename="../../gui/views/phone_widgets.py"/>
        <source>New screenshots from: %1</source>
        <translation>新截图来自：%1</translation>
    </message>
</context>
<context>
    <name>PhoneController</name>
    <message numerus="yes">
        <location filename="../../gui/controllers/phone_controller.py"/>
        <source>Change the source phone of %n screenshot(s)</source>
        <translation>
            <numerusform>更改 %n 张截图的来源手机</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/controllers/phone_controller.py"/>
        <source>Change source phone…</source>
        <translation>更改来源手机…</translation>
    </message>
</context>
<context>
    <name>ScreenshotListModel</name>
    <message>
        <location filename="../../gui/models/screenshot_list_model.py"/>
        <source>From the phone of: %1</source>
        <translation>来源手机：%1</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <location filename="../../gui/models/message_table_model.py"/>
        <source>Sent by %1</source>
        <translation>%1发出</translation>
    </message>
</context>
</TS>
