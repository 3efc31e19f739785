<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Messages</name>
    <message>
        <source>the disk is full. Free some space (or choose another disk) and try again.</source>
        <translation>磁盘已满。请清理一些空间（或换一个磁盘）后重试。</translation>
    </message>
    <message>
        <source>your disk quota is used up. Free some space and try again.</source>
        <translation>磁盘配额已用完。请清理一些空间后重试。</translation>
    </message>
    <message>
        <source>the disk or folder is write-protected. Choose another place.</source>
        <translation>该磁盘或文件夹受写保护。请选择其他位置。</translation>
    </message>
    <message>
        <source>you may not write there. Choose another place.</source>
        <translation>没有写入该位置的权限。请选择其他位置。</translation>
    </message>
    <message>
        <source>the file name or folder path is too long. Choose a shorter one.</source>
        <translation>文件名或文件夹路径过长。请选择较短的。</translation>
    </message>
    <message>
        <source>the disk reported an error (was it removed?). Check it and try again.</source>
        <translation>磁盘读写出错（是否已被拔出？）。请检查后重试。</translation>
    </message>
    <message>
        <source>the system refused the write.</source>
        <translation>系统拒绝了写入。</translation>
    </message>
    <message>
        <source>The copy of the screenshot</source>
        <translation>截图的副本</translation>
    </message>
    <message>
        <source>Your change to the case</source>
        <translation>您对案件的修改</translation>
    </message>
    <message>
        <source>The dossier</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <source>The evidence bundle</source>
        <translation>证据包</translation>
    </message>
    <message>
        <source>The CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 could not be saved in %2: %3

The case is unchanged.</source>
        <translation>%1无法保存到 %2：%3

案件没有任何改动。</translation>
    </message>
    <message>
        <source>This case is open in another Screenproof window.

Only one window at a time can change a case. You can open it here read-only: you can read, check and export it, but not change it.</source>
        <translation>此案件正在另一个 Screenproof 窗口中使用。

同一时间只能有一个窗口修改案件。您可以在这里以只读方式打开：可以查看、核验和导出，但不能修改。</translation>
    </message>
    <message>
        <source>The case database in %1 is damaged, or this folder is not a Screenproof case.

Your original screenshots are kept apart from the database, in %2: each file is named by its own SHA-256 fingerprint, so anyone can still check that it is unchanged.

To rebuild the case: choose File → New case folder, then File → Import a folder and choose %2.</source>
        <translation>%1 中的案件数据库已损坏，或者该文件夹不是 Screenproof 案件。

您的原始截图与数据库分开保存在 %2：每个文件都以自己的 SHA-256 指纹命名，任何人都可以核对它没有被改动。

重建案件的方法：选择“文件 → 新建案件文件夹”，再选择“文件 → 导入文件夹”，然后选择 %2。</translation>
    </message>
    <message>
        <source>This case is open read-only, so it cannot be changed here.</source>
        <translation>此案件以只读方式打开，无法在这里修改。</translation>
    </message>
    <message>
        <source>The case in %1 was made by a newer Screenproof. Please update Screenproof to open it.</source>
        <translation>%1 中的案件由较新版本的 Screenproof 创建。请更新 Screenproof 后再打开。</translation>
    </message>
    <message>
        <source>Read-only: this case folder cannot be written (a write-protected USB stick, a disc, or a folder you may not change). You can read, check and export it. To make changes, copy the case folder to your computer and open the copy.</source>
        <translation>只读：无法写入此案件文件夹（受写保护的 U 盘、光盘，或您无权修改的文件夹）。您可以查看、核验和导出。如需修改，请把案件文件夹复制到电脑上，再打开副本。</translation>
    </message>
    <message>
        <source>Read-only: this case is open in another Screenproof window, and only that window can change it. Close it there, then open the case here again to make changes.</source>
        <translation>只读：此案件正在另一个 Screenproof 窗口中使用，只有那个窗口可以修改它。请先在那里关闭，再在这里重新打开案件即可修改。</translation>
    </message>
    <message>
        <source>Read-only: this case cannot be changed here.</source>
        <translation>只读：此案件无法在这里修改。</translation>
    </message>
    <message>
        <source>Screenproof</source>
        <translation>Screenproof</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Case in use</source>
        <translation>案件正在使用</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
</context>
</TS>
