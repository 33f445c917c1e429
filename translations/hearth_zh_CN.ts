<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatOptions</name>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="61"/>
        <source>Chat settings</source>
        <translation>聊天设置</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="64"/>
        <source>Instructions the model follows in this chat, e.g. &quot;Answer briefly, in Chinese.&quot;</source>
        <translation>模型在本次聊天中遵循的指示，例如“用中文简短回答。”</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="68"/>
        <source>&amp;System prompt:</source>
        <translation>系统提示词(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="77"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="76"/>
        <source>&amp;Temperature:</source>
        <translation>温度(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="84"/>
        <source>Longest reply, in tokens</source>
        <translation>回复最大长度（token 数）</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="82"/>
        <source>&amp;Longest reply (tokens):</source>
        <translation>回复最大长度（token）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="85"/>
        <source>Lower temperatures give steadier answers, higher ones more varied answers. Unticked values use the model&apos;s defaults.</source>
        <translation>温度越低，回答越稳定；越高，回答越多样。未勾选的项使用模型的默认值。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="88"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="67"/>
        <source>Connect to a Hearth server</source>
        <translation>连接到 Hearth 服务器</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="70"/>
        <source>e.g. http://192.168.1.20:8080 — shown in Settings on that computer</source>
        <translation>例如 http://192.168.1.20:8080 —— 可在那台电脑的“设置”中看到</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="76"/>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="77"/>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="78"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="80"/>
        <source>Hearth keeps you signed in with a token in this system&apos;s keychain; your password is not stored.</source>
        <translation>Hearth 用保存在系统钥匙串中的令牌保持登录；不会保存你的密码。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="84"/>
        <location filename="../ui/app/ConnectDialog.cpp" line="92"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="98"/>
        <source>That is not a server address. Type it as shown on the server, e.g. http://192.168.1.20:8080.</source>
        <translation>这不是有效的服务器地址。请按服务器上显示的格式输入，例如 http://192.168.1.20:8080。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="48"/>
        <source>This server&apos;s certificate has changed since you last connected. If you did not renew it, someone may be listening in: do not connect.</source>
        <translation>自上次连接以来，此服务器的证书已更改。如果不是你更新了它，可能有人在窃听：请不要连接。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="52"/>
        <source>This server uses its own certificate.</source>
        <translation>此服务器使用它自己的证书。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="54"/>
        <source>%1 Compare its SHA-256 fingerprint with the one shown in Settings on that computer:
%2
Connect only if they are the same.</source>
        <translation>%1请将它的 SHA-256 指纹与那台电脑“设置”中显示的指纹比对：
%2
两者完全相同时才连接。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="116"/>
        <source>Trust and connect</source>
        <translation>信任并连接</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="123"/>
        <source>No Hearth server answered at %1: %2</source>
        <translation>%1 上没有 Hearth 服务器响应：%2</translation>
    </message>
</context>
<context>
    <name>DesktopShell</name>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="116"/>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="117"/>
        <source>Hearth could not start its server:
%1</source>
        <translation>Hearth 无法启动其服务器：
%1</translation>
    </message>
</context>
<context>
    <name>KeepServing</name>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="53"/>
        <source>Keep serving?</source>
        <translation>继续提供服务？</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="54"/>
        <source>Hearth is sharing its server with other devices on your network.</source>
        <translation>Hearth 正在向你网络中的其他设备共享服务器。</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="58"/>
        <source>Keep serving them from the tray after the window closes, or stop and quit?</source>
        <translation>关闭窗口后在系统托盘中继续为它们提供服务，还是停止并退出？</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="61"/>
        <source>Keep serving them in the background after the window closes (start Hearth again to bring the window back), or stop and quit?</source>
        <translation>关闭窗口后在后台继续为它们提供服务（再次启动 Hearth 即可重新打开窗口），还是停止并退出？</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="67"/>
        <source>Keep serving</source>
        <translation>继续服务</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="69"/>
        <source>Stop and quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="113"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="119"/>
        <source>Stop sharing</source>
        <translation>停止共享</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="139"/>
        <source>Hearth is serving your network</source>
        <translation>Hearth 正在为你的网络提供服务</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="111"/>
        <source>Open Hearth</source>
        <translation>打开 Hearth</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="127"/>
        <source>Quit Hearth</source>
        <translation>退出 Hearth</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="107"/>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
</context>
<context>
    <name>ServerMessages</name>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="15"/>
        <source>Email or password is incorrect</source>
        <translation>邮箱或密码不正确</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="16"/>
        <source>Authentication required</source>
        <translation>需要先登录</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="17"/>
        <source>This account is disabled</source>
        <translation>此账户已被停用</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="18"/>
        <source>The access token has expired; refresh it</source>
        <translation>登录令牌已过期</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="19"/>
        <source>The access token is not valid</source>
        <translation>登录令牌无效</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="20"/>
        <source>This sign-in has ended; sign in again</source>
        <translation>此次登录已结束，请重新登录</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="21"/>
        <source>The sign-in has expired; sign in again</source>
        <translation>登录已过期，请重新登录</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="22"/>
        <source>The refresh token is not valid; sign in again</source>
        <translation>登录凭据无效，请重新登录</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="23"/>
        <source>This refresh token was already used; sign in again</source>
        <translation>登录凭据已被使用过，请重新登录</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="24"/>
        <source>Only administrators can do this</source>
        <translation>只有管理员可以执行此操作</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="25"/>
        <source>An account with this email already exists</source>
        <translation>该邮箱已注册过账户</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="26"/>
        <source>Something went wrong on the server</source>
        <translation>服务器出错了</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="27"/>
        <source>The database is unavailable; try again shortly</source>
        <translation>数据库暂时不可用，请稍后再试</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="28"/>
        <source>Validation failed</source>
        <translation>输入有误</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="29"/>
        <source>currentPassword is not correct</source>
        <translation>当前密码不正确</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="30"/>
        <source>The API key is not valid</source>
        <translation>API 密钥无效</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="31"/>
        <source>from must be before to</source>
        <translation>开始时间必须早于结束时间</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="32"/>
        <source>%1 not found</source>
        <translation>找不到%1</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="33"/>
        <source>%1 is required</source>
        <translation>%1为必填项</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="34"/>
        <source>%1 must be a string</source>
        <translation>%1必须是文本</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="35"/>
        <source>%1 must be %2–%3 characters long</source>
        <translation>%1的长度必须为 %2–%3 个字符</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="36"/>
        <source>%1 must not be blank</source>
        <translation>%1不能为空</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="37"/>
        <source>%1 must be an email address</source>
        <translation>%1必须是有效的邮箱地址</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="38"/>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation>%1必须是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="39"/>
        <source>No configured provider serves the model &quot;%1&quot;</source>
        <translation>没有已配置的服务商提供模型“%1”</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="40"/>
        <source>%1 exists; copy into a new file</source>
        <translation>%1 已存在；请复制到一个新文件</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="41"/>
        <source>the destination is not empty (%1 has %2 rows); copy into a new database</source>
        <translation>目标数据库不是空的（%1 表有 %2 行）；请复制到一个新数据库</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="43"/>
        <source>A backup or copy is already running</source>
        <translation>已有备份或复制正在进行</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="44"/>
        <source>to is the database this server uses</source>
        <translation>目标就是本服务器正在使用的数据库</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="45"/>
        <source>The server is shutting down; the reply so far is kept</source>
        <translation>服务器正在关闭；已生成的回复会保留</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="48"/>
        <source>The provider did not accept the API key (%1): %2</source>
        <translation>服务商不接受这个 API 密钥（%1）：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="49"/>
        <source>The provider did not accept the API key (%1)</source>
        <translation>服务商不接受这个 API 密钥（%1）</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="50"/>
        <source>There is no OpenAI-compatible API at this address (%1); such addresses usually end in /v1: %2</source>
        <translation>这个地址上没有兼容 OpenAI 的 API（%1）；这类地址通常以 /v1 结尾：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="52"/>
        <source>There is no OpenAI-compatible API at this address (%1); such addresses usually end in /v1</source>
        <translation>这个地址上没有兼容 OpenAI 的 API（%1）；这类地址通常以 /v1 结尾</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="54"/>
        <source>The provider says the account has no credit left (%1): %2</source>
        <translation>服务商说账户余额不足（%1）：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="56"/>
        <source>The provider says the account has no credit left (%1)</source>
        <translation>服务商说账户余额不足（%1）</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="57"/>
        <source>The provider is turning requests away for now (%1): %2</source>
        <translation>服务商暂时拒绝请求（%1）：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="58"/>
        <source>The provider is turning requests away for now (%1)</source>
        <translation>服务商暂时拒绝请求（%1）</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="59"/>
        <source>The provider has a problem of its own (%1); try again later: %2</source>
        <translation>服务商自身出了问题（%1），请稍后再试：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="61"/>
        <source>The provider has a problem of its own (%1); try again later</source>
        <translation>服务商自身出了问题（%1），请稍后再试</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="63"/>
        <source>Nothing answers at %1 (the connection was refused): is the server running, and is the port right?</source>
        <translation>%1 没有响应（连接被拒绝）：服务是否在运行？端口是否正确？</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="65"/>
        <source>The address %1 could not be found: check its spelling and this computer&apos;s internet connection</source>
        <translation>找不到地址 %1：请检查拼写和这台电脑的网络连接</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="67"/>
        <source>%1 did not answer within %2 seconds</source>
        <translation>%1 在 %2 秒内没有响应</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="68"/>
        <source>A secure connection to %1 could not be made: %2</source>
        <translation>无法与 %1 建立安全连接：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="69"/>
        <source>The address answered, but not with a list of models: is it an OpenAI-compatible API?</source>
        <translation>该地址有响应，但返回的不是模型列表：它是兼容 OpenAI 的 API 吗？</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="71"/>
        <source>The provider answered with a redirect, which Hearth does not follow</source>
        <translation>服务商返回了重定向，Hearth 不会跟随重定向</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="77"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="78"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="79"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="80"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="81"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="82"/>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="83"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="84"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="85"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="86"/>
        <source>currentPassword</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="87"/>
        <source>newPassword</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="88"/>
        <source>baseUrl</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="89"/>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="90"/>
        <source>systemPrompt</source>
        <translation>系统提示词</translation>
    </message>
</context>
<context>
    <name>hearth::DesktopShell</name>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="160"/>
        <source>Please sign in again: %1</source>
        <translation>请重新登录：%1</translation>
    </message>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="208"/>
        <source>%1 You will be asked for your password at the next start.</source>
        <translation>%1 下次启动时需要重新输入密码。</translation>
    </message>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="216"/>
        <source>Your sign-in on %1 has ended. Please sign in again.</source>
        <translation>你在 %1 上的登录已失效，请重新登录。</translation>
    </message>
</context>
<context>
    <name>hearth::client::ApiCall</name>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="41"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="43"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="46"/>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="49"/>
        <source>The server answered with an error (%1)</source>
        <translation>服务器返回了错误（%1）</translation>
    </message>
</context>
<context>
    <name>hearth::client::ApiConnection</name>
    <message>
        <location filename="../ui/client/ApiConnection.cpp" line="104"/>
        <source>This server uses a certificate that no authority vouches for (SHA-256 %1).</source>
        <translation>此服务器使用的证书没有经过任何证书机构认证（SHA-256 %1）。</translation>
    </message>
</context>
<context>
    <name>hearth::client::FileDownload</name>
    <message>
        <location filename="../ui/client/FileDownload.cpp" line="16"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/client/FileDownload.cpp" line="33"/>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location filename="../ui/client/FileDownload.cpp" line="61"/>
        <source>The download broke off: %1</source>
        <translation>下载中断：%1</translation>
    </message>
</context>
<context>
    <name>hearth::client::MessageStream</name>
    <message>
        <location filename="../ui/client/MessageStream.cpp" line="75"/>
        <source>The reply ended unexpectedly</source>
        <translation>回复意外中断</translation>
    </message>
</context>
<context>
    <name>hearth::client::TokenVault</name>
    <message>
        <location filename="../ui/client/TokenVault.cpp" line="13"/>
        <source>This system has no keychain to keep your sign-in in.</source>
        <translation>此系统没有可用于保存登录信息的钥匙串。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminDatabasePage</name>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="36"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="37"/>
        <source>&amp;Save backup…</source>
        <translation>保存备份(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="39"/>
        <source>&amp;Copy…</source>
        <translation>复制(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Rows per table</source>
        <translation>各表行数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="45"/>
        <source>postgres://user:password@host/hearth, mysql://user:password@host/hearth or a file on the server</source>
        <translation>postgres://用户:密码@主机/hearth、mysql://用户:密码@主机/hearth 或服务器上的文件</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="48"/>
        <source>Destination database</source>
        <translation>目标数据库</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="50"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="57"/>
        <source>Save backup</source>
        <translation>保存备份</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="57"/>
        <source>SQLite databases (*.db)</source>
        <translation>SQLite 数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="69"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="76"/>
        <source>Everything in one SQLite file: accounts, conversations, usage, providers and settings. The server keeps running meanwhile.</source>
        <translation>将所有内容保存到一个 SQLite 文件中：账户、对话、用量、服务商和设置。备份期间服务器照常运行。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="81"/>
        <source>Move to another database</source>
        <translation>迁移到其他数据库</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="87"/>
        <source>Copies the whole installation into an empty PostgreSQL or MySQL database (or a new SQLite file). Then start Hearth on it with DB_DRIVER and the DB_ settings, and this server&apos;s secret.key so that provider keys still open.</source>
        <translation>将整个安装复制到一个空的 PostgreSQL 或 MySQL 数据库（或新的 SQLite 文件）。之后用 DB_DRIVER 和 DB_ 设置在其上启动 Hearth，并带上本服务器的 secret.key，以便服务商密钥仍可解开。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="120"/>
        <source>Type where to copy to first.</source>
        <translation>请先输入要复制到哪里。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="124"/>
        <source>Copy the database</source>
        <translation>复制数据库</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="125"/>
        <source>Copy everything on this server into %1? It must be empty; nothing here changes.</source>
        <translation>要将本服务器上的所有内容复制到 %1 吗？目标必须为空；此处的数据不会改变。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="128"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="139"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="180"/>
        <source>Backing up: %1 of %2 rows…</source>
        <translation>正在备份：%1 / %2 行…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="182"/>
        <source>Copying: %1 of %2 rows…</source>
        <translation>正在复制：%1 / %2 行…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminDatabasePage.cpp" line="189"/>
        <source>Backup %1 made: %n row(s).</source>
        <translation>
            <numerusform>已生成备份 %1：共 %n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminDatabasePage.cpp" line="190"/>
        <source>Copied %n row(s) to %1 and checked every table.</source>
        <translation>
            <numerusform>已将 %n 行复制到 %1，并核对了每张表。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="193"/>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="193"/>
        <source>The copy failed: %1</source>
        <translation>复制失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="197"/>
        <source>No backup or copy made since the server started.</source>
        <translation>服务器启动以来尚未进行备份或复制。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="244"/>
        <source>Backup saved to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminLogPage</name>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Client address</source>
        <translation>客户端地址</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="25"/>
        <source>Time taken</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="25"/>
        <source>Provider time</source>
        <translation>服务商耗时</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="26"/>
        <source>Access log</source>
        <translation>访问日志</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="27"/>
        <source>Load older entries</source>
        <translation>加载更早的记录</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="30"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="32"/>
        <source>Status code</source>
        <translation>状态码</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="34"/>
        <source>Path starts with, e.g. /v1/conversations</source>
        <translation>路径开头，例如 /v1/conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="35"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="39"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="45"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="47"/>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="92"/>
        <location filename="../ui/app/AdminLogPage.cpp" line="94"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminPanel</name>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="25"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="26"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="27"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="28"/>
        <source>Access log</source>
        <translation>访问日志</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="29"/>
        <source>Server settings</source>
        <translation>服务器设置</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="30"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminProvidersPage</name>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="28"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="30"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="31"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="32"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="35"/>
        <source>Add provider…</source>
        <translation>添加服务商…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="85"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="87"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="87"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="92"/>
        <source>No provider yet. Add one so people can chat: DeepSeek or OpenAI with an API key, or Ollama running on this computer.</source>
        <translation>还没有服务商。添加一个才能聊天：使用 API 密钥的 DeepSeek 或 OpenAI，或本机运行的 Ollama。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="109"/>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="152"/>
        <source>Add provider</source>
        <translation>添加服务商</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="109"/>
        <source>Edit provider</source>
        <translation>编辑服务商</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="114"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="125"/>
        <source>Stored (%1); leave empty to keep it</source>
        <translation>已保存（%1）；留空则保留</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="126"/>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="140"/>
        <source>Not needed for Ollama</source>
        <translation>Ollama 无需密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="130"/>
        <source>Providers with a higher priority are tried first for a model.</source>
        <translation>同一模型优先使用优先级更高的服务商。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="131"/>
        <source>Use this provider</source>
        <translation>启用此服务商</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="134"/>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="141"/>
        <source>Your key from the provider</source>
        <translation>服务商提供给你的密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="146"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="147"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="148"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="149"/>
        <source>P&amp;riority:</source>
        <translation>优先级(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="151"/>
        <source>Hearth asks the provider for its models when you save.</source>
        <translation>保存时 Hearth 会向服务商获取模型列表。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="152"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminProvidersPage.cpp" line="174"/>
        <source>Saved %1: %n model(s) available.</source>
        <translation>
            <numerusform>已保存 %1：有 %n 个模型可用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="176"/>
        <source>Saved %1, but it offered no models. Check the address and key, then Test connection.</source>
        <translation>已保存 %1，但它没有提供任何模型。请检查地址和密钥，然后测试连接。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="191"/>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminProvidersPage.cpp" line="204"/>
        <source>%1 answered in %2 ms with %n model(s).</source>
        <translation>
            <numerusform>%1 在 %2 毫秒内响应，共 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="210"/>
        <source>%1 did not answer: %2</source>
        <translation>%1 无响应：%2</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="222"/>
        <source>Delete provider</source>
        <translation>删除服务商</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="223"/>
        <source>Delete %1? Its models will no longer be offered.</source>
        <translation>删除 %1？它的模型将不再可用。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="223"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="227"/>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminSettingsPage</name>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="43"/>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="44"/>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="45"/>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="48"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="46"/>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="47"/>
        <source>No quota</source>
        <translation>无配额</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="52"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="60"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="64"/>
        <source>Chat messages per person</source>
        <translation>每人聊天消息数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="66"/>
        <source>Per &amp;minute:</source>
        <translation>每分钟(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="67"/>
        <source>Per &amp;day:</source>
        <translation>每天(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="68"/>
        <source>Per &amp;week:</source>
        <translation>每周(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="69"/>
        <source>Quota per person (unless set for the user)</source>
        <translation>每人配额（除非为该用户单独设置）</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="71"/>
        <source>Per d&amp;ay:</source>
        <translation>每天(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="72"/>
        <source>Per m&amp;onth:</source>
        <translation>每月(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="73"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="74"/>
        <source>Attachment &amp;storage:</source>
        <translation>附件空间(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="75"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="77"/>
        <source>Default mode&amp;l:</source>
        <translation>默认模型(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="78"/>
        <source>&amp;Time zone for statistics:</source>
        <translation>统计使用的时区(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="79"/>
        <source>Keep the access &amp;log for:</source>
        <translation>访问日志保留(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="80"/>
        <source>Messages per minute</source>
        <translation>每分钟消息数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="81"/>
        <source>Messages per day</source>
        <translation>每天消息数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="82"/>
        <source>Messages per week</source>
        <translation>每周消息数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="83"/>
        <source>Daily token quota</source>
        <translation>每日 token 配额</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="84"/>
        <source>Monthly token quota</source>
        <translation>每月 token 配额</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="85"/>
        <source>Attachment storage per person</source>
        <translation>每人的附件空间</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="86"/>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="87"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="88"/>
        <source>Access log kept for</source>
        <translation>访问日志保留时长</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="147"/>
        <source>Automatic (the first model available)</source>
        <translation>自动（第一个可用模型）</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="152"/>
        <source>Set by the server&apos;s environment; change it there.</source>
        <translation>由服务器环境变量设定；请在那里修改。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="165"/>
        <source>Greyed-out settings are set by the server&apos;s environment.</source>
        <translation>灰色的设置由服务器环境变量设定。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="200"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminUsagePage</name>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <source>Usage by user</source>
        <translation>按用户统计的用量</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Usage by model</source>
        <translation>按模型统计的用量</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="38"/>
        <source>Export records as CSV…</source>
        <translation>导出记录为 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="39"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="43"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="44"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="45"/>
        <source>Last 365 days</source>
        <translation>最近 365 天</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="46"/>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="48"/>
        <source>Export the records of</source>
        <translation>导出谁的记录</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="49"/>
        <source>Export the records for model</source>
        <translation>导出哪个模型的记录</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="64"/>
        <source>Export usage records</source>
        <translation>导出用量记录</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="64"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="75"/>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="79"/>
        <source>Tokens per day</source>
        <translation>每日 token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="80"/>
        <source>By user</source>
        <translation>按用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="81"/>
        <source>By model</source>
        <translation>按模型</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="89"/>
        <source>Records of</source>
        <translation>记录：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="91"/>
        <source>for</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="120"/>
        <source>%1 messages, %2 tokens (days in %3)</source>
        <translation>%1 条消息，%2 个 token（按 %3 时区计日）</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="152"/>
        <source>everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="152"/>
        <source>every model</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="159"/>
        <source>(deleted user)</source>
        <translation>（已删除的用户）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminUsagePage.cpp" line="216"/>
        <source>Saved %n record(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条记录保存到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminUsersPage</name>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="25"/>
        <source>Daily tokens</source>
        <translation>每日 token</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="25"/>
        <source>Monthly tokens</source>
        <translation>每月 token</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="26"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="30"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="31"/>
        <source>Quota…</source>
        <translation>配额…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="32"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="34"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="41"/>
        <source>%1 is now a user.</source>
        <translation>%1 现在是普通用户。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="41"/>
        <source>%1 is now an admin.</source>
        <translation>%1 现在是管理员。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="46"/>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="47"/>
        <source>%1 is disabled and signed out everywhere.</source>
        <translation>%1 已被停用，并已在所有设备上退出登录。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="94"/>
        <source>Server default</source>
        <translation>服务器默认</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="104"/>
        <location filename="../ui/app/AdminUsersPage.cpp" line="151"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="104"/>
        <location filename="../ui/app/AdminUsersPage.cpp" line="150"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="105"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="105"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminUsersPage.cpp" line="113"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账号</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="133"/>
        <source>Make user</source>
        <translation>设为普通用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="133"/>
        <source>Make admin</source>
        <translation>设为管理员</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="134"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="134"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="141"/>
        <location filename="../ui/app/AdminUsersPage.cpp" line="156"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="144"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="148"/>
        <location filename="../ui/app/AdminUsersPage.cpp" line="201"/>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="152"/>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="153"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="154"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="155"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="169"/>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="195"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="197"/>
        <source>%1 will be signed out everywhere and must sign in with the new password.</source>
        <translation>%1 将在所有设备上退出登录，之后须用新密码登录。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="202"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="203"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="213"/>
        <source>New password set for %1.</source>
        <translation>已为 %1 设置新密码。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="225"/>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="227"/>
        <source>How many tokens %1 may use. Once a quota is reached, sending is refused until the next day or month.</source>
        <translation>%1 可以使用的 Token 数量。达到配额后，在下一天或下个月之前将无法发送消息。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="246"/>
        <source>&amp;Tokens per day:</source>
        <translation>每日 Token(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="247"/>
        <source>Tokens per day</source>
        <translation>每日 Token</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="249"/>
        <source>Tokens per &amp;month:</source>
        <translation>每月 Token(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="250"/>
        <source>Tokens per month</source>
        <translation>每月 Token</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="260"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="262"/>
        <source>Attachment &amp;storage:</source>
        <translation>附件空间(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="262"/>
        <source>Attachment storage</source>
        <translation>附件空间</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="263"/>
        <source>Unticked: the server&apos;s default quota (Admin → Settings).</source>
        <translation>未勾选：使用服务器的默认配额（管理 → 设置）。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="264"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="286"/>
        <source>Quota saved for %1.</source>
        <translation>已保存 %1 的配额。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="300"/>
        <source>Delete user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="301"/>
        <source>Delete %1 with all their conversations and API keys? Their usage stays in the statistics. This cannot be undone.</source>
        <translation>删除 %1 及其所有对话和 API 密钥？其用量仍保留在统计中。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="304"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="308"/>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ApiKeysBox</name>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="22"/>
        <source>Your API keys</source>
        <translation>你的 API 密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="26"/>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="35"/>
        <source>Create key…</source>
        <translation>创建密钥…</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="43"/>
        <source>Revoke API key</source>
        <translation>吊销 API 密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="44"/>
        <source>Revoke &quot;%1&quot;? Programs using it will stop working.</source>
        <translation>吊销“%1”？使用它的程序将无法继续工作。</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="45"/>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="54"/>
        <source>Use a key as the API key of any OpenAI client, with this server&apos;s address followed by /v1 as its base URL.</source>
        <translation>在任何 OpenAI 客户端中把密钥填作 API key，并把本服务器地址加上 /v1 作为 base URL。</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="97"/>
        <source>Create API key</source>
        <translation>创建 API 密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="100"/>
        <source>What it is for, e.g. &quot;laptop scripts&quot;</source>
        <translation>用途，例如“笔记本上的脚本”</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="101"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="102"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="123"/>
        <source>Your new key, copied to the clipboard. It is shown only now, so keep it somewhere safe:
%1</source>
        <translation>你的新密钥，已复制到剪贴板。它只显示这一次，请妥善保存：
%1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AttachmentStrip</name>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="18"/>
        <source>%1 B</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="20"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="21"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="40"/>
        <source>%1 — click to see it whole</source>
        <translation>%1 —— 点击查看原图</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="41"/>
        <source>Picture %1</source>
        <translation>图片 %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="48"/>
        <source>The model got the first %1 of %2 characters</source>
        <translation>模型只收到了全部 %2 个字符中的前 %1 个</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="54"/>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="55"/>
        <source>Document %1</source>
        <translation>文档 %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AttachmentTray</name>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="62"/>
        <source>Attached files</source>
        <translation>已添加的文件</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="75"/>
        <source>Attach</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="76"/>
        <source>Attach pictures or documents (Ctrl+Shift+A)</source>
        <translation>添加图片或文档（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="77"/>
        <location filename="../ui/app/AttachmentTray.cpp" line="80"/>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="83"/>
        <source>Pictures and documents (*.png *.jpg *.jpeg *.webp *.gif *.pdf *.txt *.md *.csv *.json *.log *.py *.js *.ts *.c *.cpp *.h *.java *.go *.rs *.sh *.yaml *.yml *.xml *.html *.css *.sql)</source>
        <translation>图片和文档 (*.png *.jpg *.jpeg *.webp *.gif *.pdf *.txt *.md *.csv *.json *.log *.py *.js *.ts *.c *.cpp *.h *.java *.go *.rs *.sh *.yaml *.yml *.xml *.html *.css *.sql)</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="86"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="138"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="150"/>
        <source>image.png</source>
        <translation>图片.png</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="158"/>
        <source>At most %1 files go with one message.</source>
        <translation>一条消息最多附带 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="229"/>
        <source>Uploading %1</source>
        <translation>正在上传 %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="235"/>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ChatAttachments</name>
    <message>
        <location filename="../ui/app/ChatAttachments.cpp" line="91"/>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ChatPanel</name>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="64"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="107"/>
        <source>Connected to %1. Ask anything; the model picker above has its models.</source>
        <translation>已连接到 %1。尽管问吧；上方的模型选择器里有它的模型。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="149"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="149"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="150"/>
        <source>Stop the reply (Esc)</source>
        <translation>停止回复（Esc）</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="150"/>
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="168"/>
        <location filename="../ui/app/ChatPanel.cpp" line="416"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="170"/>
        <source>Ask anything. Your conversations stay on this server.</source>
        <translation>尽管问吧。你的对话只保存在这台服务器上。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="188"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="242"/>
        <source>No messages yet.</source>
        <translation>还没有消息。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="298"/>
        <source>Wait until the files have been uploaded.</source>
        <translation>请等文件上传完成。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="56"/>
        <source>Chat settings…</source>
        <translation>聊天设置…</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="57"/>
        <source>System prompt, temperature and reply length of this chat</source>
        <translation>本次聊天的系统提示词、温度和回复长度</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="58"/>
        <source>Chat settings</source>
        <translation>聊天设置</translation>
    </message>
</context>
<context>
    <name>hearth::ui::CodeBlock</name>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="65"/>
        <source>Formula (TeX)</source>
        <translation>公式（TeX）</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="66"/>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="66"/>
        <source>Copy formula</source>
        <translation>复制公式</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="44"/>
        <location filename="../ui/app/CodeBlock.cpp" line="65"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>hearth::ui::CodeView</name>
    <message>
        <location filename="../ui/app/CodeView.cpp" line="342"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeView.cpp" line="346"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>hearth::ui::Composer</name>
    <message>
        <location filename="../ui/app/Composer.cpp" line="18"/>
        <source>Type a message — Enter to send, Shift+Enter for a new line</source>
        <translation>输入消息 — 按 Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../ui/app/Composer.cpp" line="19"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConnectModelCard</name>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="42"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="44"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="49"/>
        <source>Connect a model</source>
        <translation>连接模型</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="59"/>
        <source>This server has no model connected yet, so Hearth&apos;s offline demo answers. Ask the server&apos;s admin to connect one.</source>
        <translation>这台服务器还没有连接任何模型，所以现在由 Hearth 的离线演示模型回答。请让服务器管理员连接一个模型。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="61"/>
        <source>Try the demo</source>
        <translation>先试试演示</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="70"/>
        <source>Hearth&apos;s offline demo answers for now. Connect a provider to talk to a real model: choose one, paste its key, and you are ready.</source>
        <translation>目前由 Hearth 的离线演示模型回答。连接一个服务商即可与真正的模型对话：选择服务商，粘贴密钥，就可以开始了。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="76"/>
        <source>Another address</source>
        <translation>其他地址</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="78"/>
        <source>%1 on this computer</source>
        <translation>本机上的 %1</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="91"/>
        <location filename="../ui/app/ConnectModelCard.cpp" line="180"/>
        <source>Paste your key here</source>
        <translation>在此粘贴你的密钥</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="94"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="108"/>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="110"/>
        <source>Keep chatting with the offline demo</source>
        <translation>继续使用离线演示模型聊天</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="174"/>
        <source>Its API key, if it needs one</source>
        <translation>它的 API 密钥（如果需要）</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="175"/>
        <source>Any server that speaks OpenAI&apos;s API: LM Studio, vLLM, OpenRouter, a company gateway… Its address usually ends in /v1.</source>
        <translation>任何兼容 OpenAI API 的服务：LM Studio、vLLM、OpenRouter、公司网关……地址通常以 /v1 结尾。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="181"/>
        <source>Make a key at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;, copy it, and paste it above.</source>
        <translation>在 &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; 创建密钥，复制后粘贴到上面。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="185"/>
        <source>Ollama runs models on this computer, free and offline.</source>
        <translation>Ollama 在本机运行模型，免费且无需联网。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="193"/>
        <source>Looking for Ollama on this computer…</source>
        <translation>正在本机上查找 Ollama…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ConnectModelCard.cpp" line="202"/>
        <source>Ollama is running here with %n model(s). Press Connect to use it.</source>
        <translation>
            <numerusform>Ollama 正在本机运行，有 %n 个模型。点击“连接”即可使用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="207"/>
        <source>Ollama is running but has no models yet. Run “ollama pull qwen2.5” in a terminal, then press Connect.</source>
        <translation>Ollama 已在运行，但还没有模型。请在终端中运行“ollama pull qwen2.5”，然后点击“连接”。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="211"/>
        <source>Ollama is not running on this computer. Install it from ollama.com, run “ollama pull qwen2.5” in a terminal, then press Connect.</source>
        <translation>本机上没有运行 Ollama。请从 ollama.com 安装，在终端中运行“ollama pull qwen2.5”，然后点击“连接”。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="224"/>
        <source>Enter the provider&apos;s address first.</source>
        <translation>请先输入服务商的地址。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="230"/>
        <source>Paste your API key first.</source>
        <translation>请先粘贴你的 API 密钥。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="237"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="258"/>
        <source>The provider answered but offers no models. For Ollama, run “ollama pull qwen2.5” in a terminal first.</source>
        <translation>服务商有响应，但没有提供任何模型。如果是 Ollama，请先在终端中运行“ollama pull qwen2.5”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ConnectModelCard.cpp" line="266"/>
        <source>It works: %n model(s). Saving…</source>
        <translation>
            <numerusform>连接成功：%n 个模型。正在保存…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="288"/>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="308"/>
        <source>My provider</source>
        <translation>我的服务商</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConnectionBox</name>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="11"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="14"/>
        <source>Connect to another Hearth…</source>
        <translation>连接到其他 Hearth…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="15"/>
        <source>Sign out and use this computer</source>
        <translation>退出登录并使用本机</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="23"/>
        <source>Use a Hearth server running on another computer, with your account there</source>
        <translation>使用另一台电脑上运行的 Hearth 服务器及你在那里的账户</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="40"/>
        <source>Connected to %1 as %2.</source>
        <translation>已以 %2 身份连接到 %1。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="41"/>
        <source>This computer: the server inside this app.</source>
        <translation>本机：此应用内置的服务器。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConversationSidebar</name>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="30"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="32"/>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>开始新对话（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="34"/>
        <source>Search conversations (Ctrl+K)</source>
        <translation>搜索对话（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="36"/>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="42"/>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="166"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="167"/>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="167"/>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="172"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="178"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="185"/>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="185"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="199"/>
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="200"/>
        <source>Delete &quot;%1&quot; and all its messages? This cannot be undone.</source>
        <translation>删除“%1”及其所有消息？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="201"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hearth::ui::DateGroups</name>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="23"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="25"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="27"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="29"/>
        <source>Older</source>
        <translation>更早</translation>
    </message>
</context>
<context>
    <name>hearth::ui::DesktopNotifier</name>
    <message>
        <location filename="../ui/app/DesktopNotifier.cpp" line="43"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>hearth::ui::EditBar</name>
    <message>
        <location filename="../ui/app/EditBar.cpp" line="13"/>
        <source>Editing your message: sending it replaces it and everything after it.</source>
        <translation>正在编辑你的消息：发送后将替换它及其后的所有内容。</translation>
    </message>
    <message>
        <location filename="../ui/app/EditBar.cpp" line="15"/>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ErrorBanner</name>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="12"/>
        <source>Open provider settings</source>
        <translation>打开服务商设置</translation>
    </message>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="15"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ErrorBanner.cpp" line="42"/>
        <source>Too many messages for now. You can send again in %n second(s).</source>
        <translation>
            <numerusform>消息发送过于频繁。%n 秒后可以再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="56"/>
        <source>No model provider serves this model yet. Add one (DeepSeek, OpenAI, or Ollama on this computer) to start chatting.</source>
        <translation>还没有服务商提供这个模型。添加一个（DeepSeek、OpenAI 或本机的 Ollama）即可开始聊天。</translation>
    </message>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="58"/>
        <source>No model provider serves this model yet. Ask your administrator to add one.</source>
        <translation>还没有服务商提供这个模型。请联系管理员添加。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::FindBar</name>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="25"/>
        <location filename="../ui/app/FindBar.cpp" line="26"/>
        <source>Find in this conversation</source>
        <translation>在此对话中查找</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="30"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="31"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="33"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="34"/>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="37"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="38"/>
        <source>Close find</source>
        <translation>关闭查找</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="47"/>
        <source>Search older messages</source>
        <translation>搜索更早的消息</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="48"/>
        <source>Load the previous page of this conversation and search it too</source>
        <translation>载入此对话的上一页消息并一起搜索</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="110"/>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="153"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>hearth::ui::FormDialog</name>
    <message>
        <location filename="../ui/app/FormDialog.cpp" line="41"/>
        <source>Set</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../ui/app/FormDialog.cpp" line="52"/>
        <source>Set %1</source>
        <translation>自定义%1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MainWindow</name>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="35"/>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="44"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="44"/>
        <source>Your conversations</source>
        <translation>你的对话</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="45"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="45"/>
        <source>Your tokens and calls</source>
        <translation>你的 token 用量和调用记录</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="51"/>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="51"/>
        <source>Users, providers, usage and the server</source>
        <translation>用户、服务商、用量和服务器</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="53"/>
        <location filename="../ui/app/MainWindow.cpp" line="206"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="53"/>
        <source>Appearance, sharing and your account</source>
        <translation>外观、共享和你的账户</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="98"/>
        <source>Signed in as %1 on %2</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="188"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="194"/>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="197"/>
        <source>Find in conversation</source>
        <translation>在对话中查找</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="203"/>
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="210"/>
        <source>Quit Hearth</source>
        <translation>退出 Hearth</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageBubble</name>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="90"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="55"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="55"/>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="51"/>
        <source>Your message</source>
        <translation>你的消息</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="46"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="46"/>
        <source>Edit and resend this message</source>
        <translation>编辑并重新发送这条消息</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="47"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="47"/>
        <source>Write this reply again</source>
        <translation>重新生成这条回复</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="51"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="181"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="183"/>
        <source>Cut short: the reply reached its length limit.</source>
        <translation>已截断：回复达到了长度上限。</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="185"/>
        <source>The reply was cut off.</source>
        <translation>回复中断了。</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="187"/>
        <source>Interrupted: the server stopped before the reply was finished.</source>
        <translation>已中断：回复完成前服务器停止了。</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="189"/>
        <source>Still being written. Open the chat again to see more.</source>
        <translation>仍在生成中。重新打开此聊天可查看更多内容。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageView</name>
    <message>
        <location filename="../ui/app/MessageView.cpp" line="23"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ModelPicker</name>
    <message>
        <location filename="../ui/app/ModelPicker.cpp" line="15"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/app/ModelPicker.cpp" line="16"/>
        <source>The model that answers</source>
        <translation>回答问题的模型</translation>
    </message>
    <message>
        <location filename="../ui/app/ModelPicker.cpp" line="40"/>
        <source>Hearth Demo (offline)</source>
        <translation>Hearth 演示（离线）</translation>
    </message>
</context>
<context>
    <name>hearth::ui::NavRail</name>
    <message>
        <location filename="../ui/app/NavRail.cpp" line="18"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ReasoningBlock</name>
    <message>
        <location filename="../ui/app/ReasoningBlock.cpp" line="20"/>
        <source>Show or hide how the model reasoned</source>
        <translation>显示或隐藏模型的思考过程</translation>
    </message>
    <message>
        <location filename="../ui/app/ReasoningBlock.cpp" line="99"/>
        <source>Thinking… %1 s</source>
        <translation>思考中… %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/app/ReasoningBlock.cpp" line="104"/>
        <source>Thought for %1 s</source>
        <translation>已思考 %1 秒</translation>
    </message>
</context>
<context>
    <name>hearth::ui::SettingsPage</name>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="25"/>
        <location filename="../ui/app/SettingsPage.cpp" line="28"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="29"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="30"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="48"/>
        <source>Language and looks</source>
        <translation>语言和外观</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="50"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="51"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="52"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="53"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>hearth::ui::SharingBox</name>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="16"/>
        <source>Share on your network</source>
        <translation>在局域网中共享</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="17"/>
        <source>Let other devices on this network use Hearth</source>
        <translation>允许本网络中的其他设备使用 Hearth</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="27"/>
        <source>Open Hearth in a web browser</source>
        <translation>在网页浏览器中打开 Hearth</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="31"/>
        <source>Certificate fingerprint</source>
        <translation>证书指纹</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="35"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="41"/>
        <source>Addresses for other devices</source>
        <translation>供其他设备使用的地址</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="42"/>
        <source>QR code of the address</source>
        <translation>地址的二维码</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="45"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="53"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="101"/>
        <source>Secured with this computer&apos;s own certificate. When a device warns about it, check that it shows this SHA-256 fingerprint:
%1</source>
        <translation>已使用本机自己的证书加密。当其他设备对此证书发出警告时，请确认它显示的是这个 SHA-256 指纹：
%1</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="107"/>
        <source>Could not change sharing: %1</source>
        <translation>无法更改共享设置：%1</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="109"/>
        <source>Only this computer can use Hearth.</source>
        <translation>只有本机可以使用 Hearth。</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="111"/>
        <source>Shared on port %1, but this computer has no network address right now.</source>
        <translation>已在端口 %1 共享，但本机当前没有网络地址。</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="115"/>
        <source>Shared. On another device, open one of these addresses in a web browser or scan the code, and sign in with an account an admin made for you:</source>
        <translation>已共享。在其他设备的网页浏览器中打开下面任一地址或扫描二维码，并用管理员为你创建的账号登录：</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="135"/>
        <source>Hearth also works in a web browser: &lt;a href=&quot;%1/&quot;&gt;open it on this computer&lt;/a&gt;.</source>
        <translation>Hearth 也可以在网页浏览器中使用：&lt;a href=&quot;%1/&quot;&gt;在本机打开&lt;/a&gt;。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::UsageChart</name>
    <message>
        <location filename="../ui/app/UsageChart.cpp" line="28"/>
        <source>Tokens per day</source>
        <translation>每日 token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsageChart.cpp" line="41"/>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
</context>
<context>
    <name>hearth::ui::UsagePage</name>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44"/>
        <source>%1: tokens</source>
        <translation>%1：token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="46"/>
        <source>%1: messages</source>
        <translation>%1：消息数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="28"/>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="28"/>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="28"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="29"/>
        <source>Usage by model this month</source>
        <translation>本月按模型统计的用量</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Via</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="31"/>
        <source>Recent usage</source>
        <translation>最近的用量</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="52"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="56"/>
        <source>Your token usage</source>
        <translation>你的 token 用量</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="70"/>
        <source>Tokens per day, last 30 days</source>
        <translation>最近 30 天每日 token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="71"/>
        <source>This month by model</source>
        <translation>本月按模型</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="77"/>
        <source>Recent calls</source>
        <translation>最近的调用</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="142"/>
        <source>%1 tokens</source>
        <translation>%1 个 token</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/UsagePage.cpp" line="143"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="145"/>
        <source>Days in %1</source>
        <translation>按 %1 时区计日</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="154"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="155"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="156"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="162"/>
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="163"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="163"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
</context>
</TS>
