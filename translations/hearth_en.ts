<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="47" />
        <location filename="../app/desktop/main.cpp" line="68" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="69" />
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
        <location filename="../ui/app/ChatPanel.cpp" line="220" />
        <source>Too many messages for now. You can send again in %n second(s).</source>
        <translation>
            <numerusform>Too many messages for now. You can send again in %n second.</numerusform><numerusform>Too many messages for now. You can send again in %n seconds.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="78" />
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="78" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="79" />
        <source>Stop the reply (Esc)</source>
        <translation>Stop the reply (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="79" />
        <source>Send the message (Enter)</source>
        <translation>Send the message (Enter)</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="105" />
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="107" />
        <source>Ask anything. Your conversations stay on this server.</source>
        <translation>Ask anything. Your conversations stay on this server.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="120" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="129" />
        <source>No messages yet.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="135" />
        <location filename="../ui/app/ChatPanel.cpp" line="211" />
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="194" />
        <source>The reply was cut off.</source>
        <translation>The reply was cut off.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="223" />
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
        <location filename="../ui/app/ConversationSidebar.cpp" line="38" />
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="147" />
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="148" />
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="148" />
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="153" />
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="159" />
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="166" />
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="166" />
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="178" />
        <source>Delete conversation</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="179" />
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
        <location filename="../ui/app/MainWindow.cpp" line="19" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="38" />
        <source>Signed in as %1 on %2</source>
        <translation>Signed in as %1 on %2</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="46" />
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="49" />
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="52" />
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
</TS>