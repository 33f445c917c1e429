<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="69" />
        <location filename="../app/desktop/main.cpp" line="104" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="105" />
        <source>Hearth could not start its server:
%1</source>
        <translation>Hearth 无法启动内置服务器：
%1</translation>
    </message>
</context>
<context>
    <name>hearth::client::ApiCall</name>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="28" />
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="31" />
        <source>The server answered with an error (%1)</source>
        <translation>服务器返回了错误（%1）</translation>
    </message>
</context>
<context>
    <name>hearth::client::MessageStream</name>
    <message>
        <location filename="../ui/client/MessageStream.cpp" line="70" />
        <source>The reply ended unexpectedly</source>
        <translation>回复意外中断</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ChatPanel</name>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="32" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="33" />
        <source>The model that answers</source>
        <translation>回答问题的模型</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="37" />
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ChatPanel.cpp" line="66" />
        <location filename="../ui/app/ChatPanel.cpp" line="228" />
        <source>Too many messages for now. You can send again in %n second(s).</source>
        <translation>
            <numerusform>消息发送太频繁了。%n 秒后可以再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="79" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="79" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="80" />
        <source>Stop the reply (Esc)</source>
        <translation>停止回复（Esc）</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="80" />
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="108" />
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="110" />
        <source>Ask anything. Your conversations stay on this server.</source>
        <translation>尽管问吧。你的对话只保存在这台服务器上。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="123" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="135" />
        <source>No messages yet.</source>
        <translation>还没有消息。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="142" />
        <location filename="../ui/app/ChatPanel.cpp" line="219" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="202" />
        <source>The reply was cut off.</source>
        <translation>回复中断了。</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="232" />
        <source>No model provider serves this model. An administrator can add one (DeepSeek, OpenAI, or Ollama on this computer) in the admin panel.</source>
        <translation>没有可用的模型提供方提供这个模型。管理员可以在管理面板中添加一个（DeepSeek、OpenAI 或本机的 Ollama）。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::Composer</name>
    <message>
        <location filename="../ui/app/Composer.cpp" line="10" />
        <source>Type a message — Enter to send, Shift+Enter for a new line</source>
        <translation>输入消息 — 按 Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../ui/app/Composer.cpp" line="11" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConversationSidebar</name>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="30" />
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="31" />
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>开始新对话（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="33" />
        <source>Search conversations (Ctrl+K)</source>
        <translation>搜索对话（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="35" />
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="39" />
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="155" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="156" />
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="156" />
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="161" />
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="167" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="174" />
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="174" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="187" />
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="188" />
        <source>Delete "%1" and all its messages? This cannot be undone.</source>
        <translation>删除“%1”及其所有消息？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>hearth::ui::DateGroups</name>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="23" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="25" />
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="27" />
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="29" />
        <source>Older</source>
        <translation>更早</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MainWindow</name>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="23" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="41" />
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="42" />
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="62" />
        <source>Signed in as %1 on %2</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="81" />
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="87" />
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="90" />
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageBubble</name>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="23" />
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="23" />
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="27" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="29" />
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="41" />
        <source>Your message</source>
        <translation>你的消息</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="41" />
        <source>Reply</source>
        <translation>回复</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageView</name>
    <message>
        <location filename="../ui/app/MessageView.cpp" line="19" />
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
</context>
<context>
    <name>hearth::ui::UsagePage</name>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="37" />
        <source>%1: tokens</source>
        <translation>%1：token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="39" />
        <source>%1: messages</source>
        <translation>%1：消息数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Via</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="49" />
        <source>Recent usage</source>
        <translation>最近的用量</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="50" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="54" />
        <source>Your token usage</source>
        <translation>你的 token 用量</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="67" />
        <source>Recent calls</source>
        <translation>最近的调用</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="102" />
        <source>%1 tokens</source>
        <translation>%1 个 token</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/UsagePage.cpp" line="103" />
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="105" />
        <source>Days in %1</source>
        <translation>按 %1 时区计日</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="116" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="117" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="118" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="122" />
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="123" />
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="123" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
</context>
</TS>