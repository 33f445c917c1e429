<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChatOptions</name>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="61"/>
        <source>Chat settings</source>
        <translation>Chat settings</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="64"/>
        <source>Instructions the model follows in this chat, e.g. &quot;Answer briefly, in Chinese.&quot;</source>
        <translation>Instructions the model follows in this chat, e.g. &quot;Answer briefly, in Chinese.&quot;</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="68"/>
        <source>&amp;System prompt:</source>
        <translation>&amp;System prompt:</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="77"/>
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="76"/>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperature:</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="84"/>
        <source>Longest reply, in tokens</source>
        <translation>Longest reply, in tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="82"/>
        <source>&amp;Longest reply (tokens):</source>
        <translation>&amp;Longest reply (tokens):</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="85"/>
        <source>Lower temperatures give steadier answers, higher ones more varied answers. Unticked values use the model&apos;s defaults.</source>
        <translation>Lower temperatures give steadier answers, higher ones more varied answers. Unticked values use the model&apos;s defaults.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatOptions.cpp" line="88"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="67"/>
        <source>Connect to a Hearth server</source>
        <translation>Connect to a Hearth server</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="70"/>
        <source>e.g. http://192.168.1.20:8080 — shown in Settings on that computer</source>
        <translation>e.g. http://192.168.1.20:8080 — shown in Settings on that computer</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="76"/>
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="77"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="78"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="80"/>
        <source>Hearth keeps you signed in with a token in this system&apos;s keychain; your password is not stored.</source>
        <translation>Hearth keeps you signed in with a token in this system&apos;s keychain; your password is not stored.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="84"/>
        <location filename="../ui/app/ConnectDialog.cpp" line="92"/>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="98"/>
        <source>That is not a server address. Type it as shown on the server, e.g. http://192.168.1.20:8080.</source>
        <translation>That is not a server address. Type it as shown on the server, e.g. http://192.168.1.20:8080.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="48"/>
        <source>This server&apos;s certificate has changed since you last connected. If you did not renew it, someone may be listening in: do not connect.</source>
        <translation>This server&apos;s certificate has changed since you last connected. If you did not renew it, someone may be listening in: do not connect.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="52"/>
        <source>This server uses its own certificate.</source>
        <translation>This server uses its own certificate.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="54"/>
        <source>%1 Compare its SHA-256 fingerprint with the one shown in Settings on that computer:
%2
Connect only if they are the same.</source>
        <translation>%1 Compare its SHA-256 fingerprint with the one shown in Settings on that computer:
%2
Connect only if they are the same.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="116"/>
        <source>Trust and connect</source>
        <translation>Trust and connect</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectDialog.cpp" line="123"/>
        <source>No Hearth server answered at %1: %2</source>
        <translation>No Hearth server answered at %1: %2</translation>
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
        <translation>Hearth could not start its server:
%1</translation>
    </message>
</context>
<context>
    <name>KeepServing</name>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="53"/>
        <source>Keep serving?</source>
        <translation>Keep serving?</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="54"/>
        <source>Hearth is sharing its server with other devices on your network.</source>
        <translation>Hearth is sharing its server with other devices on your network.</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="58"/>
        <source>Keep serving them from the tray after the window closes, or stop and quit?</source>
        <translation>Keep serving them from the tray after the window closes, or stop and quit?</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="61"/>
        <source>Keep serving them in the background after the window closes (start Hearth again to bring the window back), or stop and quit?</source>
        <translation>Keep serving them in the background after the window closes (start Hearth again to bring the window back), or stop and quit?</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="67"/>
        <source>Keep serving</source>
        <translation>Keep serving</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="69"/>
        <source>Stop and quit</source>
        <translation>Stop and quit</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="113"/>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="119"/>
        <source>Stop sharing</source>
        <translation>Stop sharing</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="139"/>
        <source>Hearth is serving your network</source>
        <translation>Hearth is serving your network</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="111"/>
        <source>Open Hearth</source>
        <translation>Open Hearth</translation>
    </message>
    <message>
        <location filename="../app/desktop/KeepServingGuard.cpp" line="127"/>
        <source>Quit Hearth</source>
        <translation>Quit Hearth</translation>
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
        <translation>Email or password is incorrect</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="16"/>
        <source>Authentication required</source>
        <translation>Authentication required</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="17"/>
        <source>This account is disabled</source>
        <translation>This account is disabled</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="18"/>
        <source>The access token has expired; refresh it</source>
        <translation>The access token has expired; refresh it</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="19"/>
        <source>The access token is not valid</source>
        <translation>The access token is not valid</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="20"/>
        <source>This sign-in has ended; sign in again</source>
        <translation>This sign-in has ended; sign in again</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="21"/>
        <source>The sign-in has expired; sign in again</source>
        <translation>The sign-in has expired; sign in again</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="22"/>
        <source>The refresh token is not valid; sign in again</source>
        <translation>The refresh token is not valid; sign in again</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="23"/>
        <source>This refresh token was already used; sign in again</source>
        <translation>This refresh token was already used; sign in again</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="24"/>
        <source>Only administrators can do this</source>
        <translation>Only administrators can do this</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="25"/>
        <source>An account with this email already exists</source>
        <translation>An account with this email already exists</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="26"/>
        <source>Something went wrong on the server</source>
        <translation>Something went wrong on the server</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="27"/>
        <source>The database is unavailable; try again shortly</source>
        <translation>The database is unavailable; try again shortly</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="28"/>
        <source>Validation failed</source>
        <translation>Validation failed</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="29"/>
        <source>currentPassword is not correct</source>
        <translation>currentPassword is not correct</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="30"/>
        <source>The API key is not valid</source>
        <translation>The API key is not valid</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="31"/>
        <source>from must be before to</source>
        <translation>from must be before to</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="32"/>
        <source>%1 not found</source>
        <translation>%1 not found</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="33"/>
        <source>%1 is required</source>
        <translation>%1 is required</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="34"/>
        <source>%1 must be a string</source>
        <translation>%1 must be a string</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="35"/>
        <source>%1 must be %2–%3 characters long</source>
        <translation>%1 must be %2–%3 characters long</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="36"/>
        <source>%1 must not be blank</source>
        <translation>%1 must not be blank</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="37"/>
        <source>%1 must be an email address</source>
        <translation>%1 must be an email address</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="38"/>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation>%1 must be a whole number from %2 to %3</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="39"/>
        <source>No configured provider serves the model &quot;%1&quot;</source>
        <translation>No configured provider serves the model &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="40"/>
        <source>%1 exists; copy into a new file</source>
        <translation>%1 exists; copy into a new file</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="41"/>
        <source>the destination is not empty (%1 has %2 rows); copy into a new database</source>
        <translation>the destination is not empty (%1 has %2 rows); copy into a new database</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="43"/>
        <source>A backup or copy is already running</source>
        <translation>A backup or copy is already running</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="44"/>
        <source>to is the database this server uses</source>
        <translation>to is the database this server uses</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="45"/>
        <source>The server is shutting down; the reply so far is kept</source>
        <translation>The server is shutting down; the reply so far is kept</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="48"/>
        <source>The provider did not accept the API key (%1): %2</source>
        <translation>The provider did not accept the API key (%1): %2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="49"/>
        <source>The provider did not accept the API key (%1)</source>
        <translation>The provider did not accept the API key (%1)</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="50"/>
        <source>There is no OpenAI-compatible API at this address (%1); such addresses usually end in /v1: %2</source>
        <translation>There is no OpenAI-compatible API at this address (%1); such addresses usually end in /v1: %2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="52"/>
        <source>There is no OpenAI-compatible API at this address (%1); such addresses usually end in /v1</source>
        <translation>There is no OpenAI-compatible API at this address (%1); such addresses usually end in /v1</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="54"/>
        <source>The provider says the account has no credit left (%1): %2</source>
        <translation>The provider says the account has no credit left (%1): %2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="56"/>
        <source>The provider says the account has no credit left (%1)</source>
        <translation>The provider says the account has no credit left (%1)</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="57"/>
        <source>The provider is turning requests away for now (%1): %2</source>
        <translation>The provider is turning requests away for now (%1): %2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="58"/>
        <source>The provider is turning requests away for now (%1)</source>
        <translation>The provider is turning requests away for now (%1)</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="59"/>
        <source>The provider has a problem of its own (%1); try again later: %2</source>
        <translation>The provider has a problem of its own (%1); try again later: %2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="61"/>
        <source>The provider has a problem of its own (%1); try again later</source>
        <translation>The provider has a problem of its own (%1); try again later</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="63"/>
        <source>Nothing answers at %1 (the connection was refused): is the server running, and is the port right?</source>
        <translation>Nothing answers at %1 (the connection was refused): is the server running, and is the port right?</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="65"/>
        <source>The address %1 could not be found: check its spelling and this computer&apos;s internet connection</source>
        <translation>The address %1 could not be found: check its spelling and this computer&apos;s internet connection</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="67"/>
        <source>%1 did not answer within %2 seconds</source>
        <translation>%1 did not answer within %2 seconds</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="68"/>
        <source>A secure connection to %1 could not be made: %2</source>
        <translation>A secure connection to %1 could not be made: %2</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="69"/>
        <source>The address answered, but not with a list of models: is it an OpenAI-compatible API?</source>
        <translation>The address answered, but not with a list of models: is it an OpenAI-compatible API?</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="71"/>
        <source>The provider answered with a redirect, which Hearth does not follow</source>
        <translation>The provider answered with a redirect, which Hearth does not follow</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="77"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="78"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="79"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="80"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="81"/>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="82"/>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="83"/>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="84"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="85"/>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="86"/>
        <source>currentPassword</source>
        <translation>currentPassword</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="87"/>
        <source>newPassword</source>
        <translation>newPassword</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="88"/>
        <source>baseUrl</source>
        <translation>baseUrl</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="89"/>
        <source>content</source>
        <translation>content</translation>
    </message>
    <message>
        <location filename="../ui/client/ServerMessages.cpp" line="90"/>
        <source>systemPrompt</source>
        <translation>systemPrompt</translation>
    </message>
</context>
<context>
    <name>hearth::DesktopShell</name>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="160"/>
        <source>Please sign in again: %1</source>
        <translation>Please sign in again: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="208"/>
        <source>%1 You will be asked for your password at the next start.</source>
        <translation>%1 You will be asked for your password at the next start.</translation>
    </message>
    <message>
        <location filename="../app/desktop/DesktopShell.cpp" line="216"/>
        <source>Your sign-in on %1 has ended. Please sign in again.</source>
        <translation>Your sign-in on %1 has ended. Please sign in again.</translation>
    </message>
</context>
<context>
    <name>hearth::client::ApiCall</name>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="41"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="43"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="46"/>
        <source>Cannot reach the server: %1</source>
        <translation>Cannot reach the server: %1</translation>
    </message>
    <message>
        <location filename="../ui/client/ApiCall.cpp" line="49"/>
        <source>The server answered with an error (%1)</source>
        <translation>The server answered with an error (%1)</translation>
    </message>
</context>
<context>
    <name>hearth::client::ApiConnection</name>
    <message>
        <location filename="../ui/client/ApiConnection.cpp" line="104"/>
        <source>This server uses a certificate that no authority vouches for (SHA-256 %1).</source>
        <translation>This server uses a certificate that no authority vouches for (SHA-256 %1).</translation>
    </message>
</context>
<context>
    <name>hearth::client::FileDownload</name>
    <message>
        <location filename="../ui/client/FileDownload.cpp" line="16"/>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/client/FileDownload.cpp" line="33"/>
        <source>Export cancelled</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../ui/client/FileDownload.cpp" line="61"/>
        <source>The download broke off: %1</source>
        <translation>The download broke off: %1</translation>
    </message>
</context>
<context>
    <name>hearth::client::MessageStream</name>
    <message>
        <location filename="../ui/client/MessageStream.cpp" line="75"/>
        <source>The reply ended unexpectedly</source>
        <translation>The reply ended unexpectedly</translation>
    </message>
</context>
<context>
    <name>hearth::client::TokenVault</name>
    <message>
        <location filename="../ui/client/TokenVault.cpp" line="13"/>
        <source>This system has no keychain to keep your sign-in in.</source>
        <translation>This system has no keychain to keep your sign-in in.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminDatabasePage</name>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="36"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="37"/>
        <source>&amp;Save backup…</source>
        <translation>&amp;Save backup…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="39"/>
        <source>&amp;Copy…</source>
        <translation>&amp;Copy…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="42"/>
        <source>Rows per table</source>
        <translation>Rows per table</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="45"/>
        <source>postgres://user:password@host/hearth, mysql://user:password@host/hearth or a file on the server</source>
        <translation>postgres://user:password@host/hearth, mysql://user:password@host/hearth or a file on the server</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="48"/>
        <source>Destination database</source>
        <translation>Destination database</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="50"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="57"/>
        <source>Save backup</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="57"/>
        <source>SQLite databases (*.db)</source>
        <translation>SQLite databases (*.db)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="69"/>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="76"/>
        <source>Everything in one SQLite file: accounts, conversations, usage, providers and settings. The server keeps running meanwhile.</source>
        <translation>Everything in one SQLite file: accounts, conversations, usage, providers and settings. The server keeps running meanwhile.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="81"/>
        <source>Move to another database</source>
        <translation>Move to another database</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="87"/>
        <source>Copies the whole installation into an empty PostgreSQL or MySQL database (or a new SQLite file). Then start Hearth on it with DB_DRIVER and the DB_ settings, and this server&apos;s secret.key so that provider keys still open.</source>
        <translation>Copies the whole installation into an empty PostgreSQL or MySQL database (or a new SQLite file). Then start Hearth on it with DB_DRIVER and the DB_ settings, and this server&apos;s secret.key so that provider keys still open.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="120"/>
        <source>Type where to copy to first.</source>
        <translation>Type where to copy to first.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="124"/>
        <source>Copy the database</source>
        <translation>Copy the database</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="125"/>
        <source>Copy everything on this server into %1? It must be empty; nothing here changes.</source>
        <translation>Copy everything on this server into %1? It must be empty; nothing here changes.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="128"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="139"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="180"/>
        <source>Backing up: %1 of %2 rows…</source>
        <translation>Backing up: %1 of %2 rows…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="182"/>
        <source>Copying: %1 of %2 rows…</source>
        <translation>Copying: %1 of %2 rows…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminDatabasePage.cpp" line="189"/>
        <source>Backup %1 made: %n row(s).</source>
        <translation>
            <numerusform>Backup %1 made: %n row.</numerusform>
            <numerusform>Backup %1 made: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminDatabasePage.cpp" line="190"/>
        <source>Copied %n row(s) to %1 and checked every table.</source>
        <translation>
            <numerusform>Copied %n row to %1 and checked every table.</numerusform>
            <numerusform>Copied %n rows to %1 and checked every table.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="193"/>
        <source>The backup failed: %1</source>
        <translation>The backup failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="193"/>
        <source>The copy failed: %1</source>
        <translation>The copy failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="197"/>
        <source>No backup or copy made since the server started.</source>
        <translation>No backup or copy made since the server started.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminDatabasePage.cpp" line="244"/>
        <source>Backup saved to %1</source>
        <translation>Backup saved to %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminLogPage</name>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Client address</source>
        <translation>Client address</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="24"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="25"/>
        <source>Time taken</source>
        <translation>Time taken</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="25"/>
        <source>Provider time</source>
        <translation>Provider time</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="26"/>
        <source>Access log</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="27"/>
        <source>Load older entries</source>
        <translation>Load older entries</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="30"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="32"/>
        <source>Status code</source>
        <translation>Status code</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="34"/>
        <source>Path starts with, e.g. /v1/conversations</source>
        <translation>Path starts with, e.g. /v1/conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="35"/>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="39"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="45"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="47"/>
        <source>Path:</source>
        <translation>Path:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminLogPage.cpp" line="92"/>
        <location filename="../ui/app/AdminLogPage.cpp" line="94"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminPanel</name>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="25"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="26"/>
        <source>Providers</source>
        <translation>Providers</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="27"/>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="28"/>
        <source>Access log</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="29"/>
        <source>Server settings</source>
        <translation>Server settings</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminPanel.cpp" line="30"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminProvidersPage</name>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="27"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="28"/>
        <source>Providers</source>
        <translation>Providers</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="30"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="31"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="32"/>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="35"/>
        <source>Add provider…</source>
        <translation>Add provider…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="85"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="87"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="87"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="92"/>
        <source>No provider yet. Add one so people can chat: DeepSeek or OpenAI with an API key, or Ollama running on this computer.</source>
        <translation>No provider yet. Add one so people can chat: DeepSeek or OpenAI with an API key, or Ollama running on this computer.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="109"/>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="152"/>
        <source>Add provider</source>
        <translation>Add provider</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="109"/>
        <source>Edit provider</source>
        <translation>Edit provider</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="114"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="125"/>
        <source>Stored (%1); leave empty to keep it</source>
        <translation>Stored (%1); leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="126"/>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="140"/>
        <source>Not needed for Ollama</source>
        <translation>Not needed for Ollama</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="130"/>
        <source>Providers with a higher priority are tried first for a model.</source>
        <translation>Providers with a higher priority are tried first for a model.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="131"/>
        <source>Use this provider</source>
        <translation>Use this provider</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="134"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Preset:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="141"/>
        <source>Your key from the provider</source>
        <translation>Your key from the provider</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="146"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="147"/>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="148"/>
        <source>API &amp;key:</source>
        <translation>API &amp;key:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="149"/>
        <source>P&amp;riority:</source>
        <translation>P&amp;riority:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="151"/>
        <source>Hearth asks the provider for its models when you save.</source>
        <translation>Hearth asks the provider for its models when you save.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="152"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminProvidersPage.cpp" line="174"/>
        <source>Saved %1: %n model(s) available.</source>
        <translation>
            <numerusform>Saved %1: %n model available.</numerusform>
            <numerusform>Saved %1: %n models available.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="176"/>
        <source>Saved %1, but it offered no models. Check the address and key, then Test connection.</source>
        <translation>Saved %1, but it offered no models. Check the address and key, then Test connection.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="191"/>
        <source>Testing %1…</source>
        <translation>Testing %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminProvidersPage.cpp" line="204"/>
        <source>%1 answered in %2 ms with %n model(s).</source>
        <translation>
            <numerusform>%1 answered in %2 ms with %n model.</numerusform>
            <numerusform>%1 answered in %2 ms with %n models.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="210"/>
        <source>%1 did not answer: %2</source>
        <translation>%1 did not answer: %2</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="222"/>
        <source>Delete provider</source>
        <translation>Delete provider</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="223"/>
        <source>Delete %1? Its models will no longer be offered.</source>
        <translation>Delete %1? Its models will no longer be offered.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="223"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminProvidersPage.cpp" line="227"/>
        <source>Deleted %1.</source>
        <translation>Deleted %1.</translation>
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
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="46"/>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="47"/>
        <source>No quota</source>
        <translation>No quota</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="52"/>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="60"/>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="64"/>
        <source>Chat messages per person</source>
        <translation>Chat messages per person</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="66"/>
        <source>Per &amp;minute:</source>
        <translation>Per &amp;minute:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="67"/>
        <source>Per &amp;day:</source>
        <translation>Per &amp;day:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="68"/>
        <source>Per &amp;week:</source>
        <translation>Per &amp;week:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="69"/>
        <source>Quota per person (unless set for the user)</source>
        <translation>Quota per person (unless set for the user)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="71"/>
        <source>Per d&amp;ay:</source>
        <translation>Per d&amp;ay:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="72"/>
        <source>Per m&amp;onth:</source>
        <translation>Per m&amp;onth:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="73"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="74"/>
        <source>Attachment &amp;storage:</source>
        <translation>Attachment &amp;storage:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="75"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="77"/>
        <source>Default mode&amp;l:</source>
        <translation>Default mode&amp;l:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="78"/>
        <source>&amp;Time zone for statistics:</source>
        <translation>&amp;Time zone for statistics:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="79"/>
        <source>Keep the access &amp;log for:</source>
        <translation>Keep the access &amp;log for:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="80"/>
        <source>Messages per minute</source>
        <translation>Messages per minute</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="81"/>
        <source>Messages per day</source>
        <translation>Messages per day</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="82"/>
        <source>Messages per week</source>
        <translation>Messages per week</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="83"/>
        <source>Daily token quota</source>
        <translation>Daily token quota</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="84"/>
        <source>Monthly token quota</source>
        <translation>Monthly token quota</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="85"/>
        <source>Attachment storage per person</source>
        <translation>Attachment storage per person</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="86"/>
        <source>Default model</source>
        <translation>Default model</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="87"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="88"/>
        <source>Access log kept for</source>
        <translation>Access log kept for</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="147"/>
        <source>Automatic (the first model available)</source>
        <translation>Automatic (the first model available)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="152"/>
        <source>Set by the server&apos;s environment; change it there.</source>
        <translation>Set by the server&apos;s environment; change it there.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="165"/>
        <source>Greyed-out settings are set by the server&apos;s environment.</source>
        <translation>Greyed-out settings are set by the server&apos;s environment.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminSettingsPage.cpp" line="200"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminUsagePage</name>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="34"/>
        <source>Usage by user</source>
        <translation>Usage by user</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="35"/>
        <source>Usage by model</source>
        <translation>Usage by model</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="38"/>
        <source>Export records as CSV…</source>
        <translation>Export records as CSV…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="39"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="43"/>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="44"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="45"/>
        <source>Last 365 days</source>
        <translation>Last 365 days</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="46"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="48"/>
        <source>Export the records of</source>
        <translation>Export the records of</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="49"/>
        <source>Export the records for model</source>
        <translation>Export the records for model</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="64"/>
        <source>Export usage records</source>
        <translation>Export usage records</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="64"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="75"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="79"/>
        <source>Tokens per day</source>
        <translation>Tokens per day</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="80"/>
        <source>By user</source>
        <translation>By user</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="81"/>
        <source>By model</source>
        <translation>By model</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="89"/>
        <source>Records of</source>
        <translation>Records of</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="91"/>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="120"/>
        <source>%1 messages, %2 tokens (days in %3)</source>
        <translation>%1 messages, %2 tokens (days in %3)</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="152"/>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="152"/>
        <source>every model</source>
        <translation>every model</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsagePage.cpp" line="159"/>
        <source>(deleted user)</source>
        <translation>(deleted user)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminUsagePage.cpp" line="216"/>
        <source>Saved %n record(s) to %1</source>
        <translation>
            <numerusform>Saved %n record to %1</numerusform>
            <numerusform>Saved %n records to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hearth::ui::AdminUsersPage</name>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="24"/>
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="25"/>
        <source>Daily tokens</source>
        <translation>Daily tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="25"/>
        <source>Monthly tokens</source>
        <translation>Monthly tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="26"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="30"/>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="31"/>
        <source>Quota…</source>
        <translation>Quota…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="32"/>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="34"/>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="41"/>
        <source>%1 is now a user.</source>
        <translation>%1 is now a user.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="41"/>
        <source>%1 is now an admin.</source>
        <translation>%1 is now an admin.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="46"/>
        <source>%1 can sign in again.</source>
        <translation>%1 can sign in again.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="47"/>
        <source>%1 is disabled and signed out everywhere.</source>
        <translation>%1 is disabled and signed out everywhere.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="94"/>
        <source>Server default</source>
        <translation>Server default</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="104"/>
        <location filename="../ui/app/AdminUsersPage.cpp" line="151"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="104"/>
        <location filename="../ui/app/AdminUsersPage.cpp" line="150"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="105"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="105"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/AdminUsersPage.cpp" line="113"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="133"/>
        <source>Make user</source>
        <translation>Make user</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="133"/>
        <source>Make admin</source>
        <translation>Make admin</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="134"/>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="134"/>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="141"/>
        <location filename="../ui/app/AdminUsersPage.cpp" line="156"/>
        <source>Add user</source>
        <translation>Add user</translation>
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
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="152"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="153"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="154"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="155"/>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="169"/>
        <source>Added %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="195"/>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="197"/>
        <source>%1 will be signed out everywhere and must sign in with the new password.</source>
        <translation>%1 will be signed out everywhere and must sign in with the new password.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="202"/>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="203"/>
        <source>Set password</source>
        <translation>Set password</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="213"/>
        <source>New password set for %1.</source>
        <translation>New password set for %1.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="225"/>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="227"/>
        <source>How many tokens %1 may use. Once a quota is reached, sending is refused until the next day or month.</source>
        <translation>How many tokens %1 may use. Once a quota is reached, sending is refused until the next day or month.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="246"/>
        <source>&amp;Tokens per day:</source>
        <translation>&amp;Tokens per day:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="247"/>
        <source>Tokens per day</source>
        <translation>Tokens per day</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="249"/>
        <source>Tokens per &amp;month:</source>
        <translation>Tokens per &amp;month:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="250"/>
        <source>Tokens per month</source>
        <translation>Tokens per month</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="260"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="262"/>
        <source>Attachment &amp;storage:</source>
        <translation>Attachment &amp;storage:</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="262"/>
        <source>Attachment storage</source>
        <translation>Attachment storage</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="263"/>
        <source>Unticked: the server&apos;s default quota (Admin → Settings).</source>
        <translation>Unticked: the server&apos;s default quota (Admin → Settings).</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="264"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="286"/>
        <source>Quota saved for %1.</source>
        <translation>Quota saved for %1.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="300"/>
        <source>Delete user</source>
        <translation>Delete user</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="301"/>
        <source>Delete %1 with all their conversations and API keys? Their usage stays in the statistics. This cannot be undone.</source>
        <translation>Delete %1 with all their conversations and API keys? Their usage stays in the statistics. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="304"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../ui/app/AdminUsersPage.cpp" line="308"/>
        <source>Deleted %1.</source>
        <translation>Deleted %1.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ApiKeysBox</name>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="22"/>
        <source>Your API keys</source>
        <translation>Your API keys</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="25"/>
        <source>API keys</source>
        <translation>API keys</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="26"/>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="35"/>
        <source>Create key…</source>
        <translation>Create key…</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="43"/>
        <source>Revoke API key</source>
        <translation>Revoke API key</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="44"/>
        <source>Revoke &quot;%1&quot;? Programs using it will stop working.</source>
        <translation>Revoke &quot;%1&quot;? Programs using it will stop working.</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="45"/>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="54"/>
        <source>Use a key as the API key of any OpenAI client, with this server&apos;s address followed by /v1 as its base URL.</source>
        <translation>Use a key as the API key of any OpenAI client, with this server&apos;s address followed by /v1 as its base URL.</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="97"/>
        <source>Create API key</source>
        <translation>Create API key</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="100"/>
        <source>What it is for, e.g. &quot;laptop scripts&quot;</source>
        <translation>What it is for, e.g. &quot;laptop scripts&quot;</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="101"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="102"/>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../ui/app/ApiKeysBox.cpp" line="123"/>
        <source>Your new key, copied to the clipboard. It is shown only now, so keep it somewhere safe:
%1</source>
        <translation>Your new key, copied to the clipboard. It is shown only now, so keep it somewhere safe:
%1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AttachmentStrip</name>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="18"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
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
        <translation>%1 — click to see it whole</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="41"/>
        <source>Picture %1</source>
        <translation>Picture %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="48"/>
        <source>The model got the first %1 of %2 characters</source>
        <translation>The model got the first %1 of %2 characters</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="54"/>
        <source>Save %1</source>
        <translation>Save %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentStrip.cpp" line="55"/>
        <source>Document %1</source>
        <translation>Document %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::AttachmentTray</name>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="62"/>
        <source>Attached files</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="75"/>
        <source>Attach</source>
        <translation>Attach</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="76"/>
        <source>Attach pictures or documents (Ctrl+Shift+A)</source>
        <translation>Attach pictures or documents (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="77"/>
        <location filename="../ui/app/AttachmentTray.cpp" line="80"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="83"/>
        <source>Pictures and documents (*.png *.jpg *.jpeg *.webp *.gif *.pdf *.txt *.md *.csv *.json *.log *.py *.js *.ts *.c *.cpp *.h *.java *.go *.rs *.sh *.yaml *.yml *.xml *.html *.css *.sql)</source>
        <translation>Pictures and documents (*.png *.jpg *.jpeg *.webp *.gif *.pdf *.txt *.md *.csv *.json *.log *.py *.js *.ts *.c *.cpp *.h *.java *.go *.rs *.sh *.yaml *.yml *.xml *.html *.css *.sql)</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="86"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="138"/>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="150"/>
        <source>image.png</source>
        <translation>image.png</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="158"/>
        <source>At most %1 files go with one message.</source>
        <translation>At most %1 files go with one message.</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="229"/>
        <source>Uploading %1</source>
        <translation>Uploading %1</translation>
    </message>
    <message>
        <location filename="../ui/app/AttachmentTray.cpp" line="235"/>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ChatAttachments</name>
    <message>
        <location filename="../ui/app/ChatAttachments.cpp" line="91"/>
        <source>Save %1</source>
        <translation>Save %1</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ChatPanel</name>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="64"/>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="107"/>
        <source>Connected to %1. Ask anything; the model picker above has its models.</source>
        <translation>Connected to %1. Ask anything; the model picker above has its models.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="149"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="149"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="150"/>
        <source>Stop the reply (Esc)</source>
        <translation>Stop the reply (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="150"/>
        <source>Send the message (Enter)</source>
        <translation>Send the message (Enter)</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="168"/>
        <location filename="../ui/app/ChatPanel.cpp" line="416"/>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="170"/>
        <source>Ask anything. Your conversations stay on this server.</source>
        <translation>Ask anything. Your conversations stay on this server.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="188"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="242"/>
        <source>No messages yet.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="298"/>
        <source>Wait until the files have been uploaded.</source>
        <translation>Wait until the files have been uploaded.</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="56"/>
        <source>Chat settings…</source>
        <translation>Chat settings…</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="57"/>
        <source>System prompt, temperature and reply length of this chat</source>
        <translation>System prompt, temperature and reply length of this chat</translation>
    </message>
    <message>
        <location filename="../ui/app/ChatPanel.cpp" line="58"/>
        <source>Chat settings</source>
        <translation>Chat settings</translation>
    </message>
</context>
<context>
    <name>hearth::ui::CodeBlock</name>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="65"/>
        <source>Formula (TeX)</source>
        <translation>Formula (TeX)</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="66"/>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="66"/>
        <source>Copy formula</source>
        <translation>Copy formula</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeBlock.cpp" line="44"/>
        <location filename="../ui/app/CodeBlock.cpp" line="65"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>hearth::ui::CodeView</name>
    <message>
        <location filename="../ui/app/CodeView.cpp" line="342"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../ui/app/CodeView.cpp" line="346"/>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
</context>
<context>
    <name>hearth::ui::Composer</name>
    <message>
        <location filename="../ui/app/Composer.cpp" line="18"/>
        <source>Type a message — Enter to send, Shift+Enter for a new line</source>
        <translation>Type a message — Enter to send, Shift+Enter for a new line</translation>
    </message>
    <message>
        <location filename="../ui/app/Composer.cpp" line="19"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConnectModelCard</name>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="42"/>
        <source>API &amp;key:</source>
        <translation>API &amp;key:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="44"/>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="49"/>
        <source>Connect a model</source>
        <translation>Connect a model</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="59"/>
        <source>This server has no model connected yet, so Hearth&apos;s offline demo answers. Ask the server&apos;s admin to connect one.</source>
        <translation>This server has no model connected yet, so Hearth&apos;s offline demo answers. Ask the server&apos;s admin to connect one.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="61"/>
        <source>Try the demo</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="70"/>
        <source>Hearth&apos;s offline demo answers for now. Connect a provider to talk to a real model: choose one, paste its key, and you are ready.</source>
        <translation>Hearth&apos;s offline demo answers for now. Connect a provider to talk to a real model: choose one, paste its key, and you are ready.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="76"/>
        <source>Another address</source>
        <translation>Another address</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="78"/>
        <source>%1 on this computer</source>
        <translation>%1 on this computer</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="91"/>
        <location filename="../ui/app/ConnectModelCard.cpp" line="180"/>
        <source>Paste your key here</source>
        <translation>Paste your key here</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="94"/>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="108"/>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="110"/>
        <source>Keep chatting with the offline demo</source>
        <translation>Keep chatting with the offline demo</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="174"/>
        <source>Its API key, if it needs one</source>
        <translation>Its API key, if it needs one</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="175"/>
        <source>Any server that speaks OpenAI&apos;s API: LM Studio, vLLM, OpenRouter, a company gateway… Its address usually ends in /v1.</source>
        <translation>Any server that speaks OpenAI&apos;s API: LM Studio, vLLM, OpenRouter, a company gateway… Its address usually ends in /v1.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="181"/>
        <source>Make a key at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;, copy it, and paste it above.</source>
        <translation>Make a key at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;, copy it, and paste it above.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="185"/>
        <source>Ollama runs models on this computer, free and offline.</source>
        <translation>Ollama runs models on this computer, free and offline.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="193"/>
        <source>Looking for Ollama on this computer…</source>
        <translation>Looking for Ollama on this computer…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ConnectModelCard.cpp" line="202"/>
        <source>Ollama is running here with %n model(s). Press Connect to use it.</source>
        <translation>
            <numerusform>Ollama is running here with %n model. Press Connect to use it.</numerusform>
            <numerusform>Ollama is running here with %n models. Press Connect to use it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="207"/>
        <source>Ollama is running but has no models yet. Run “ollama pull qwen2.5” in a terminal, then press Connect.</source>
        <translation>Ollama is running but has no models yet. Run “ollama pull qwen2.5” in a terminal, then press Connect.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="211"/>
        <source>Ollama is not running on this computer. Install it from ollama.com, run “ollama pull qwen2.5” in a terminal, then press Connect.</source>
        <translation>Ollama is not running on this computer. Install it from ollama.com, run “ollama pull qwen2.5” in a terminal, then press Connect.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="224"/>
        <source>Enter the provider&apos;s address first.</source>
        <translation>Enter the provider&apos;s address first.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="230"/>
        <source>Paste your API key first.</source>
        <translation>Paste your API key first.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="237"/>
        <source>Testing the connection…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="258"/>
        <source>The provider answered but offers no models. For Ollama, run “ollama pull qwen2.5” in a terminal first.</source>
        <translation>The provider answered but offers no models. For Ollama, run “ollama pull qwen2.5” in a terminal first.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ConnectModelCard.cpp" line="266"/>
        <source>It works: %n model(s). Saving…</source>
        <translation>
            <numerusform>It works: %n model. Saving…</numerusform>
            <numerusform>It works: %n models. Saving…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="288"/>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectModelCard.cpp" line="308"/>
        <source>My provider</source>
        <translation>My provider</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConnectionBox</name>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="11"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="14"/>
        <source>Connect to another Hearth…</source>
        <translation>Connect to another Hearth…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="15"/>
        <source>Sign out and use this computer</source>
        <translation>Sign out and use this computer</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="23"/>
        <source>Use a Hearth server running on another computer, with your account there</source>
        <translation>Use a Hearth server running on another computer, with your account there</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="40"/>
        <source>Connected to %1 as %2.</source>
        <translation>Connected to %1 as %2.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConnectionBox.cpp" line="41"/>
        <source>This computer: the server inside this app.</source>
        <translation>This computer: the server inside this app.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ConversationSidebar</name>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="30"/>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="32"/>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Start a new conversation (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="34"/>
        <source>Search conversations (Ctrl+K)</source>
        <translation>Search conversations (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="36"/>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="42"/>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="166"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="167"/>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="167"/>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="172"/>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="178"/>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="185"/>
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="185"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="199"/>
        <source>Delete conversation</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="200"/>
        <source>Delete &quot;%1&quot; and all its messages? This cannot be undone.</source>
        <translation>Delete &quot;%1&quot; and all its messages? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../ui/app/ConversationSidebar.cpp" line="201"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hearth::ui::DateGroups</name>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="23"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="25"/>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="27"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../ui/app/DateGroups.cpp" line="29"/>
        <source>Older</source>
        <translation>Older</translation>
    </message>
</context>
<context>
    <name>hearth::ui::DesktopNotifier</name>
    <message>
        <location filename="../ui/app/DesktopNotifier.cpp" line="43"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>hearth::ui::EditBar</name>
    <message>
        <location filename="../ui/app/EditBar.cpp" line="13"/>
        <source>Editing your message: sending it replaces it and everything after it.</source>
        <translation>Editing your message: sending it replaces it and everything after it.</translation>
    </message>
    <message>
        <location filename="../ui/app/EditBar.cpp" line="15"/>
        <source>Cancel editing</source>
        <translation>Cancel editing</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ErrorBanner</name>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="12"/>
        <source>Open provider settings</source>
        <translation>Open provider settings</translation>
    </message>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="15"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/ErrorBanner.cpp" line="42"/>
        <source>Too many messages for now. You can send again in %n second(s).</source>
        <translation>
            <numerusform>Too many messages for now. You can send again in %n second.</numerusform>
            <numerusform>Too many messages for now. You can send again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="56"/>
        <source>No model provider serves this model yet. Add one (DeepSeek, OpenAI, or Ollama on this computer) to start chatting.</source>
        <translation>No model provider serves this model yet. Add one (DeepSeek, OpenAI, or Ollama on this computer) to start chatting.</translation>
    </message>
    <message>
        <location filename="../ui/app/ErrorBanner.cpp" line="58"/>
        <source>No model provider serves this model yet. Ask your administrator to add one.</source>
        <translation>No model provider serves this model yet. Ask your administrator to add one.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::FindBar</name>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="25"/>
        <location filename="../ui/app/FindBar.cpp" line="26"/>
        <source>Find in this conversation</source>
        <translation>Find in this conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="30"/>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="31"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Previous match (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="33"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="34"/>
        <source>Next match (Enter)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="37"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="38"/>
        <source>Close find</source>
        <translation>Close find</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="47"/>
        <source>Search older messages</source>
        <translation>Search older messages</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="48"/>
        <source>Load the previous page of this conversation and search it too</source>
        <translation>Load the previous page of this conversation and search it too</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="110"/>
        <source>No matches</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../ui/app/FindBar.cpp" line="153"/>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>hearth::ui::FormDialog</name>
    <message>
        <location filename="../ui/app/FormDialog.cpp" line="41"/>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../ui/app/FormDialog.cpp" line="52"/>
        <source>Set %1</source>
        <translation>Set %1</translation>
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
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="44"/>
        <source>Your conversations</source>
        <translation>Your conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="45"/>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="45"/>
        <source>Your tokens and calls</source>
        <translation>Your tokens and calls</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="51"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="51"/>
        <source>Users, providers, usage and the server</source>
        <translation>Users, providers, usage and the server</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="53"/>
        <location filename="../ui/app/MainWindow.cpp" line="206"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="53"/>
        <source>Appearance, sharing and your account</source>
        <translation>Appearance, sharing and your account</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="98"/>
        <source>Signed in as %1 on %2</source>
        <translation>Signed in as %1 on %2</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="188"/>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="194"/>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="197"/>
        <source>Find in conversation</source>
        <translation>Find in conversation</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="203"/>
        <source>Stop the reply</source>
        <translation>Stop the reply</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="210"/>
        <source>Quit Hearth</source>
        <translation>Quit Hearth</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageBubble</name>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="90"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="55"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="55"/>
        <source>Copy message</source>
        <translation>Copy message</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="51"/>
        <source>Your message</source>
        <translation>Your message</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="46"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="46"/>
        <source>Edit and resend this message</source>
        <translation>Edit and resend this message</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="47"/>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="47"/>
        <source>Write this reply again</source>
        <translation>Write this reply again</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="51"/>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="181"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="183"/>
        <source>Cut short: the reply reached its length limit.</source>
        <translation>Cut short: the reply reached its length limit.</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="185"/>
        <source>The reply was cut off.</source>
        <translation>The reply was cut off.</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="187"/>
        <source>Interrupted: the server stopped before the reply was finished.</source>
        <translation>Interrupted: the server stopped before the reply was finished.</translation>
    </message>
    <message>
        <location filename="../ui/app/MessageBubble.cpp" line="189"/>
        <source>Still being written. Open the chat again to see more.</source>
        <translation>Still being written. Open the chat again to see more.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::MessageView</name>
    <message>
        <location filename="../ui/app/MessageView.cpp" line="23"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ModelPicker</name>
    <message>
        <location filename="../ui/app/ModelPicker.cpp" line="15"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/app/ModelPicker.cpp" line="16"/>
        <source>The model that answers</source>
        <translation>The model that answers</translation>
    </message>
    <message>
        <location filename="../ui/app/ModelPicker.cpp" line="40"/>
        <source>Hearth Demo (offline)</source>
        <translation>Hearth Demo (offline)</translation>
    </message>
</context>
<context>
    <name>hearth::ui::NavRail</name>
    <message>
        <location filename="../ui/app/NavRail.cpp" line="18"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>hearth::ui::ReasoningBlock</name>
    <message>
        <location filename="../ui/app/ReasoningBlock.cpp" line="20"/>
        <source>Show or hide how the model reasoned</source>
        <translation>Show or hide how the model reasoned</translation>
    </message>
    <message>
        <location filename="../ui/app/ReasoningBlock.cpp" line="99"/>
        <source>Thinking… %1 s</source>
        <translation>Thinking… %1 s</translation>
    </message>
    <message>
        <location filename="../ui/app/ReasoningBlock.cpp" line="104"/>
        <source>Thought for %1 s</source>
        <translation>Thought for %1 s</translation>
    </message>
</context>
<context>
    <name>hearth::ui::SettingsPage</name>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="25"/>
        <location filename="../ui/app/SettingsPage.cpp" line="28"/>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="29"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="30"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="48"/>
        <source>Language and looks</source>
        <translation>Language and looks</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="50"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="51"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="52"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsPage.cpp" line="53"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
</context>
<context>
    <name>hearth::ui::SharingBox</name>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="16"/>
        <source>Share on your network</source>
        <translation>Share on your network</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="17"/>
        <source>Let other devices on this network use Hearth</source>
        <translation>Let other devices on this network use Hearth</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="27"/>
        <source>Open Hearth in a web browser</source>
        <translation>Open Hearth in a web browser</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="31"/>
        <source>Certificate fingerprint</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="35"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="41"/>
        <source>Addresses for other devices</source>
        <translation>Addresses for other devices</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="42"/>
        <source>QR code of the address</source>
        <translation>QR code of the address</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="45"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="53"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="101"/>
        <source>Secured with this computer&apos;s own certificate. When a device warns about it, check that it shows this SHA-256 fingerprint:
%1</source>
        <translation>Secured with this computer&apos;s own certificate. When a device warns about it, check that it shows this SHA-256 fingerprint:
%1</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="107"/>
        <source>Could not change sharing: %1</source>
        <translation>Could not change sharing: %1</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="109"/>
        <source>Only this computer can use Hearth.</source>
        <translation>Only this computer can use Hearth.</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="111"/>
        <source>Shared on port %1, but this computer has no network address right now.</source>
        <translation>Shared on port %1, but this computer has no network address right now.</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="115"/>
        <source>Shared. On another device, open one of these addresses in a web browser or scan the code, and sign in with an account an admin made for you:</source>
        <translation>Shared. On another device, open one of these addresses in a web browser or scan the code, and sign in with an account an admin made for you:</translation>
    </message>
    <message>
        <location filename="../ui/app/SharingBox.cpp" line="135"/>
        <source>Hearth also works in a web browser: &lt;a href=&quot;%1/&quot;&gt;open it on this computer&lt;/a&gt;.</source>
        <translation>Hearth also works in a web browser: &lt;a href=&quot;%1/&quot;&gt;open it on this computer&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>hearth::ui::UsageChart</name>
    <message>
        <location filename="../ui/app/UsageChart.cpp" line="28"/>
        <source>Tokens per day</source>
        <translation>Tokens per day</translation>
    </message>
    <message>
        <location filename="../ui/app/UsageChart.cpp" line="41"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
<context>
    <name>hearth::ui::UsagePage</name>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="34"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="44"/>
        <source>%1: tokens</source>
        <translation>%1: tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="46"/>
        <source>%1: messages</source>
        <translation>%1: messages</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="28"/>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="28"/>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="28"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="29"/>
        <source>Usage by model this month</source>
        <translation>Usage by model this month</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="30"/>
        <source>Via</source>
        <translation>Via</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="31"/>
        <source>Recent usage</source>
        <translation>Recent usage</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="52"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="56"/>
        <source>Your token usage</source>
        <translation>Your token usage</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="70"/>
        <source>Tokens per day, last 30 days</source>
        <translation>Tokens per day, last 30 days</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="71"/>
        <source>This month by model</source>
        <translation>This month by model</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="77"/>
        <source>Recent calls</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="142"/>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/UsagePage.cpp" line="143"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="145"/>
        <source>Days in %1</source>
        <translation>Days in %1</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="154"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="155"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="156"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="162"/>
        <source> (estimated)</source>
        <translation> (estimated)</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="163"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/app/UsagePage.cpp" line="163"/>
        <source>API key</source>
        <translation>API key</translation>
    </message>
</context>
</TS>
