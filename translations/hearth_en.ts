<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
        <translation>Hearth could not start its server:
%1</translation>
    </message>
</context>
<context>
    <name>hearth::client::ApiCall</name>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="28" />
        <source>Cannot reach the server: %1</source>
        <translation>Cannot reach the server: %1</translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="31" />
        <source>The server answered with an error (%1)</source>
        <translation>The server answered with an error (%1)</translation>
    </message>
</context>
<context>
    <name>hearth::client::MessageStream</name>
    <message>
        <location filename="../ui/client/MessageStream.cpp" line="70" />
        <source>The reply ended unexpectedly</source>
        <translation>The reply ended unexpectedly</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ChatPanel</name>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="32" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="33" />
        <source>The model that answers</source>
        <translation>The model that answers</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="37" />
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ChatPanel.cpp" line="66" />
        <location filename="../ui/app/ChatPanel.cpp" line="228" />
        <source>Too many messages for now. You can send again in %n second(s).</source>
        <translation>
            <numerusform>Too many messages for now. You can send again in %n second.</numerusform>
            <numerusform>Too many messages for now. You can send again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="79" />
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="79" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="80" />
        <source>Stop the reply (Esc)</source>
        <translation>Stop the reply (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="80" />
        <source>Send the message (Enter)</source>
        <translation>Send the message (Enter)</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="108" />
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="110" />
        <source>Ask anything. Your conversations stay on this server.</source>
        <translation>Ask anything. Your conversations stay on this server.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="123" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="135" />
        <source>No messages yet.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="142" />
        <location filename="../ui/app/ChatPanel.cpp" line="219" />
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="202" />
        <source>The reply was cut off.</source>
        <translation>The reply was cut off.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="232" />
        <source>No model provider serves this model. An administrator can add one (DeepSeek, OpenAI, or Ollama on this computer) in the admin panel.</source>
        <translation>No model provider serves this model. An administrator can add one (DeepSeek, OpenAI, or Ollama on this computer) in the admin panel.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::Composer</name>
    <message>
        <location filename="../ui/app/Composer.cpp" line="10" />
        <source>Type a message — Enter to send, Shift+Enter for a new line</source>
        <translation>Type a message — Enter to send, Shift+Enter for a new line</translation>
    </message>
    <message>
        <location filename="../ui/app/Composer.cpp" line="11" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConversationSidebar</name>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="30" />
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="31" />
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Start a new conversation (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="33" />
        <source>Search conversations (Ctrl+K)</source>
        <translation>Search conversations (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="35" />
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="39" />
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="155" />
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="156" />
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="156" />
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="161" />
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="167" />
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="174" />
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="174" />
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="187" />
        <source>Delete conversation</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="188" />
        <source>Delete "%1" and all its messages? This cannot be undone.</source>
        <translation>Delete "%1" and all its messages? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::DateGroups</name>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="23" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="25" />
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="27" />
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="29" />
        <source>Older</source>
        <translation>Older</translation>
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
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="42" />
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="62" />
        <source>Signed in as %1 on %2</source>
        <translation>Signed in as %1 on %2</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="81" />
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="87" />
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="90" />
        <source>Stop the reply</source>
        <translation>Stop the reply</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageBubble</name>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="23" />
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="23" />
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="27" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="29" />
        <source>Copy message</source>
        <translation>Copy message</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="41" />
        <source>Your message</source>
        <translation>Your message</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="41" />
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageView</name>
    <message>
        <location filename="../ui/app/MessageView.cpp" line="19" />
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
</context>
<context>
    <name>hearth::ui::UsagePage</name>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="27" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="37" />
        <source>%1: tokens</source>
        <translation>%1: tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="39" />
        <source>%1: messages</source>
        <translation>%1: messages</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44" />
        <source>Via</source>
        <translation>Via</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="49" />
        <source>Recent usage</source>
        <translation>Recent usage</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="50" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="54" />
        <source>Your token usage</source>
        <translation>Your token usage</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="67" />
        <source>Recent calls</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="102" />
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/UsagePage.cpp" line="103" />
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform><numerusform>%n messages</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="105" />
        <source>Days in %1</source>
        <translation>Days in %1</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="116" />
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="117" />
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="118" />
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="122" />
        <source> (estimated)</source>
        <translation> (estimated)</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="123" />
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="123" />
        <source>API key</source>
        <translation>API key</translation>
    </message>
</context>
</TS>