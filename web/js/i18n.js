// English and Chinese. English text is the key; Chinese follows the
// browser's language unless the reader picked one (kept in localStorage).
import { h } from './dom.js';

const zh = {
    'API key (never shown again)': 'API 密钥（保存后不再显示）',
    'Access log': '访问日志',
    'Account': '账户',
    'Active': '正常',
    'Add provider': '添加服务商',
    'Add user': '添加用户',
    'Add:': '添加：',
    'Address': '地址',
    'Address (OpenAI-compatible, ends in /v1)': '地址（兼容 OpenAI，以 /v1 结尾）',
    'Admin': '管理',
    'Administrator': '管理员',
    'Archive': '归档',
    'Archived chats': '已归档的对话',
    'Back to chats': '返回对话',
    'By model': '按模型',
    'By user': '按用户',
    'Cancel': '取消',
    'Cannot reach the server.': '无法连接服务器。',
    'Change password': '修改密码',
    'Chat rate limit (messages per user)': '聊天频率限制（每位用户的消息数）',
    'Chat settings': '对话设置',
    'Chats': '对话',
    'Completion': '输出',
    'Copied': '已复制',
    'Copy': '复制',
    'Copy it now: it will not be shown again.': '请立即复制：它不会再次显示。',
    'Created': '创建时间',
    'Current password': '当前密码',
    'Cut off at the length limit': '已达到长度上限，回复被截断',
    'Daily tokens': '每日 Token',
    'Attachment storage (MB)': '附件存储空间（MB）',
    'Default': '默认',
    'Default model': '默认模型',
    'Default token quota': '默认 Token 配额',
    'Delete': '删除',
    'Delete chat?': '删除对话？',
    'Delete provider?': '删除服务商？',
    'Delete user?': '删除用户？',
    'Disabled': '已停用',
    'Disabled (cannot sign in)': '停用（无法登录）',
    'Done': '完成',
    'Edit': '编辑',
    'Edit message': '编辑消息',
    'Edit provider': '编辑服务商',
    'Edit user': '编辑用户',
    'Email': '邮箱',
    'Enabled': '启用',
    'Enter your email and password.': '请输入邮箱和密码。',
    'Export CSV': '导出 CSV',
    'First available': '第一个可用的',
    'For scripts and OpenAI-compatible apps: use the key as the API key and this server’s /v1 as the base URL.':
        '供脚本和兼容 OpenAI 的应用使用：把密钥作为 API Key，把本服务器的 /v1 作为 Base URL。',
    'Interrupted: the server stopped while writing': '已中断：服务器在回复时停止了',
    'Its models will no longer be offered.': '它的模型将不再可用。',
    'Keep the access log (days)': '访问日志保留天数',
    'Key': '密钥',
    'Language': '语言',
    'Last 30 days': '最近 30 天',
    'Last sign-in': '上次登录',
    'Last used': '上次使用',
    'Leave empty to keep': '留空则不修改',
    'Loading…': '加载中…',
    'Member': '成员',
    'Message': '消息',
    'Message Hearth…': '给 Hearth 发消息…',
    'Enter to send, Shift+Enter for a new line, Esc to stop': 'Enter 发送，Shift+Enter 换行，Esc 停止',
    'Model': '模型',
    'Model default': '模型默认值',
    'Models': '模型',
    'Models can be wrong. Check important facts.': '模型可能出错，请核实重要信息。',
    'Monthly tokens': '每月 Token',
    'More': '更多',
    'Name': '名称',
    'Name (what will use it)': '名称（用途）',
    'New chat': '新对话',
    'New key': '新建密钥',
    'New password (8–128 characters)': '新密码（8–128 个字符）',
    'No chats match.': '没有匹配的对话。',
    'No chats yet.': '还没有对话。',
    'No keys yet.': '还没有密钥。',
    'No limit': '不限',
    'No providers yet: the built-in demo answers. Add DeepSeek, OpenAI or Ollama above.':
        '还没有服务商，目前由内置演示模型回答。请在上方添加 DeepSeek、OpenAI 或 Ollama。',
    'Nothing yet.': '暂无数据。',
    'OK': '确定',
    'OK: {n} models, {ms} ms': '正常：{n} 个模型，{ms} 毫秒',
    'Off': '关闭',
    'Older': '更早',
    'On': '开启',
    'Other…': '其他…',
    'Password': '密码',
    'Password changed.': '密码已修改。',
    'Per day': '每天',
    'Per minute': '每分钟',
    'Per week': '每周',
    'Personal API keys': '个人 API 密钥',
    'Pin': '置顶',
    'Pinned': '已置顶',
    'Previous 30 days': '30 天内',
    'Previous 7 days': '7 天内',
    'Programs using “{name}” will stop working.': '使用“{name}”的程序将无法继续工作。',
    'Prompt': '输入',
    'Providers': '服务商',
    'Quota (day / month)': '配额（日 / 月）',
    'Recent calls': '最近调用',
    'Regenerate': '重新生成',
    'Rename': '重命名',
    'Rename chat': '重命名对话',
    'Request': '请求',
    'Requests': '请求数',
    'Reset password': '重置密码',
    'Result': '结果',
    'Revoke': '吊销',
    'Revoke key?': '吊销密钥？',
    'Role': '角色',
    'Save': '保存',
    'Save and send': '保存并发送',
    'Saved.': '已保存。',
    'Saving and listing its models…': '正在保存并获取模型列表…',
    'Search chats': '搜索对话',
    'Send': '发送',
    'Send a first message to create the chat; these settings apply to it.': '发送第一条消息后创建对话，这些设置将应用于它。',
    'Server settings': '服务器设置',
    'Set by the server’s environment.': '由服务器环境变量设定。',
    'Settings': '设置',
    'Sign in': '登录',
    'Sign in to chat with your models.': '登录后即可与模型对话。',
    'Sign out': '退出登录',
    'Signing in…': '正在登录…',
    'Status': '状态',
    'Stop (Esc)': '停止（Esc）',
    'Stopped': '已停止',
    'Stored ({key}); type to replace': '已保存（{key}），输入新值以替换',
    'System prompt': '系统提示词',
    'Temperature (0–2)': '温度（0–2）',
    'Test': '测试',
    'Testing…': '测试中…',
    'The connection was lost. Reload to see what was saved.': '连接已断开。刷新页面可查看已保存的内容。',
    'The provider failed while answering': '服务商在回答时出错',
    'Thinking… {n} s': '思考中… {n} 秒',
    'This chat does not exist.': '该对话不存在。',
    'This month': '本月',
    'This month: {n} tokens in {r} requests.': '本月：{r} 次请求，共 {n} Token。',
    'This week': '本周',
    'Thought for {n} s': '已思考 {n} 秒',
    'Thoughts': '思考过程',
    'Time': '时间',
    'Time taken': '耗时',
    'Time zone': '时区',
    'Title': '标题',
    'Today': '今天',
    'Tokens': 'Token',
    'Tokens per day, last 30 days': '最近 30 天每日 Token',
    'Tokens; days are counted in {zone}.': '单位为 Token；按 {zone} 时区计日。',
    'Too many attempts. Try again in {n} s.': '尝试次数过多，请 {n} 秒后再试。',
    'Total': '总计',
    'Unarchive': '取消归档',
    'Unpin': '取消置顶',
    'Usage': '用量',
    'User': '用户',
    'Users': '用户',
    'What can I help with?': '有什么可以帮你？',
    'Wrong email or password.': '邮箱或密码错误。',
    'Yesterday': '昨天',
    'You can send again in {wait}.': '{wait}后可再次发送。',
    'Your new key': '你的新密钥',
    'code': '代码',
    'none': '无',
    '{email} and all their chats will be deleted.': '{email} 及其所有对话都将被删除。',
    '{h} h {m} min': '{h} 小时 {m} 分钟',
    '{m} min {s} s': '{m} 分 {s} 秒',
    '{n} requests': '{n} 次请求',
    '{n} s': '{n} 秒',
    '“{title}” and all its messages will be deleted.': '“{title}”及其所有消息都将被删除。',
};

const storageKey = 'hearth.language';
let current = 'en';

export function initLanguage() {
    const saved = localStorage.getItem(storageKey);
    const browser = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase();
    current = saved === 'zh' || saved === 'en' ? saved : browser.startsWith('zh') ? 'zh' : 'en';
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function language() {
    return current;
}

export function setLanguage(value) {
    localStorage.setItem(storageKey, value);
    initLanguage();
    document.dispatchEvent(new Event('hearth:language'));
}

export function t(text, values = {}) {
    const template = current === 'zh' ? (zh[text] ?? text) : text;
    return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

// The English/中文 switch.
export function languageSwitch() {
    const select = h('select', { 'aria-label': 'Language / 语言', class: 'language' },
                     h('option', { value: 'en' }, 'English'), h('option', { value: 'zh' }, '中文'));
    select.value = current;
    select.addEventListener('change', () => setLanguage(select.value));
    return select;
}

// For the browser test: every string the pages use has a Chinese text.
export const chineseStrings = zh;
