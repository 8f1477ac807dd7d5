// The eligibility rule builder: conditions (field / operator / value) in and/or groups write the rule text,
// and every change asks the server how many residents the rule selects per area.
(function () {
    'use strict';

    const OPERATOR_NAMES = { '=': '等于', '!=': '不等于', '<': '小于', '<=': '不大于', '>': '大于', '>=': '不小于', 'in': '属于', 'not in': '不属于' };
    let fields = [];
    let tags = [];
    // The page's translations of the words below, keyed by the Chinese text as the site's resources are.
    let texts = {};

    function t(text) { return texts[text] || text; }

    function quote(text) { return "'" + String(text).replace(/'/g, "''") + "'"; }

    function element(tag, attributes, children) {
        const node = document.createElement(tag);
        Object.entries(attributes || {}).forEach(function ([key, value]) {
            if (key === 'text') { node.textContent = value; } else { node.setAttribute(key, value); }
        });
        (children || []).forEach(function (child) { node.appendChild(child); });
        return node;
    }

    function select(options, value, css) {
        const box = element('select', { class: 'form-select form-select-sm ' + (css || '') });
        options.forEach(function ([key, label]) {
            const option = element('option', { value: key, text: label });
            if (key === value) { option.selected = true; }
            box.appendChild(option);
        });
        return box;
    }

    function fieldOf(name) { return fields.find(function (f) { return f.name === name; }) || fields[0]; }

    function operatorsOf(field) {
        if (field.type === 'Tag') { return [['=', t('有')], ['!=', t('没有')]]; }
        if (field.type === 'Flag') { return [['=', t('是')], ['!=', t('不是')]]; }
        return field.operators.map(function (op) { return [op, OPERATOR_NAMES[op] ? t(OPERATOR_NAMES[op]) : op]; });
    }

    function valueInput(field, condition) {
        if (field.type === 'Tag') {
            return select(tags.map(function (t) { return [t, t]; }), condition.value, 'rule-value');
        }
        if (field.type === 'Flag') { return element('span', { class: 'rule-value' }); }
        if (field.type === 'Choice' && condition.op !== 'in' && condition.op !== 'not in') {
            return select(field.values.map(function (v) { return [v, t(v)]; }), condition.value, 'rule-value');
        }
        const placeholder = field.type === 'Choice' ? field.values.join(',') : field.type === 'Code' ? t('{0} 位代码，多个用逗号分隔').replace('{0}', field.codeLength) : '';
        const input = element('input', { class: 'form-control form-control-sm rule-value', value: condition.value || '', placeholder: placeholder });
        if (field.type === 'Integer' || field.type === 'IntegerOnDate') { input.type = 'number'; input.min = '0'; }
        return input;
    }

    function conditionRow(condition, onChange, onRemove) {
        const row = element('div', { class: 'd-flex gap-1 mb-1 rule-condition' });
        function render() {
            row.replaceChildren();
            const field = fieldOf(condition.field);
            const ops = operatorsOf(field);
            if (!ops.some(function (o) { return o[0] === condition.op; })) { condition.op = ops[0][0]; }
            const fieldBox = select(fields.map(function (f) { return [f.name, t(f.label)]; }), field.name, 'rule-field w-auto');
            const opBox = select(ops, condition.op, 'rule-operator w-auto');
            row.append(fieldBox);
            if (field.type === 'IntegerOnDate') {
                const on = element('input', { type: 'date', class: 'form-control form-control-sm w-auto rule-on', value: condition.on || '' });
                on.addEventListener('input', function () { condition.on = on.value; onChange(); });
                row.append(on);
            }
            const value = valueInput(field, condition);
            if (field.type === 'Choice' && (condition.value === undefined || condition.value === '') && value.tagName === 'SELECT') { condition.value = value.value; }
            if (field.type === 'Tag' && !condition.value) { condition.value = value.value; }
            row.append(opBox, value, element('button', { type: 'button', class: 'btn btn-sm btn-outline-danger rule-remove', text: t('删除') }));
            fieldBox.addEventListener('change', function () { condition.field = fieldBox.value; condition.value = ''; render(); onChange(); });
            opBox.addEventListener('change', function () { condition.op = opBox.value; render(); onChange(); });
            value.addEventListener && value.addEventListener('input', function () { condition.value = value.value; onChange(); });
            value.addEventListener && value.addEventListener('change', function () { condition.value = value.value; onChange(); });
            row.lastChild.addEventListener('click', onRemove);
        }
        render();
        return row;
    }

    function groupBox(group, onChange, onRemove) {
        const box = element('div', { class: 'border rounded p-2 mb-2 rule-group' });
        function render() {
            box.replaceChildren();
            const join = select([['and', t('满足全部条件（且）')], ['or', t('满足任一条件（或）')]], group.join, 'w-auto mb-2 rule-join');
            join.addEventListener('change', function () { group.join = join.value; onChange(); });
            box.append(join);
            group.items.forEach(function (item, index) {
                const remove = function () { group.items.splice(index, 1); render(); onChange(); };
                box.append(item.items ? groupBox(item, onChange, remove) : conditionRow(item, onChange, remove));
            });
            const add = element('button', { type: 'button', class: 'btn btn-sm btn-outline-primary me-1 rule-add', text: t('＋ 条件') });
            add.addEventListener('click', function () { group.items.push({ field: fields[0].name, op: '>=', value: '' }); render(); onChange(); });
            box.append(add);
            if (!onRemove) {
                const addGroup = element('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary me-1 rule-add-group', text: t('＋ 条件组') });
                addGroup.addEventListener('click', function () { group.items.push({ join: 'or', items: [] }); render(); onChange(); });
                box.append(addGroup);
            } else {
                const removeGroup = element('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', text: t('删除条件组') });
                removeGroup.addEventListener('click', onRemove);
                box.append(removeGroup);
            }
        }
        render();
        return box;
    }

    function list(value) {
        return String(value || '').split(/[,，、]/).map(function (v) { return v.trim(); }).filter(Boolean);
    }

    function conditionText(c) {
        const field = fieldOf(c.field);
        switch (field.type) {
            case 'Tag': return (c.op === '!=' ? 'not ' : '') + field.name + '(' + quote(c.value || '') + ')';
            case 'Flag': return (c.op === '!=' ? 'not ' : '') + field.name;
            case 'IntegerOnDate': return 'age_on(' + quote(c.on || '') + ') ' + c.op + ' ' + (c.value || '');
            case 'Integer': return field.name + ' ' + c.op + ' ' + (c.value || '');
            default:
                return c.op === 'in' || c.op === 'not in'
                    ? field.name + ' ' + c.op + ' (' + list(c.value).map(quote).join(', ') + ')'
                    : field.name + ' ' + c.op + ' ' + quote(c.value || '');
        }
    }

    function groupText(group, nested) {
        const parts = group.items.map(function (item) { return item.items ? groupText(item, true) : conditionText(item); }).filter(Boolean);
        const text = parts.join(' ' + group.join + ' ');
        return nested && parts.length > 1 ? '(' + text + ')' : text;
    }

    // A preview's list, or a refused request's problem details (field → messages).
    function errorsOf(answer) {
        if (Array.isArray(answer.errors)) { return answer.errors; }
        return answer.errors ? Object.values(answer.errors).flat() : [];
    }

    function showPreview(target, preview) {
        target.replaceChildren();
        const errors = errorsOf(preview);
        if (errors.length) {
            target.append(element('div', { class: 'alert alert-danger py-1 small mb-0', id: 'rule-errors', text: errors.join('；') }));
            return;
        }
        target.append(element('div', { class: 'fw-bold', id: 'rule-total', 'data-total': preview.total, text: t('符合条件的居民：{0} 人').replace('{0}', preview.total.toLocaleString()) }));
        const table = element('table', { class: 'table table-sm small mb-0', id: 'rule-areas' });
        preview.areas.forEach(function (a) {
            table.append(element('tr', {}, [element('td', { text: a.name }), element('td', { class: 'text-end', text: a.residents.toLocaleString('zh-CN') })]));
        });
        target.append(table);
    }

    // The text is what is saved. While it is being read, or when the builder cannot show it, the builder is
    // locked, so a click in it never writes an older rule over what was typed.
    function lock(root, note, message) {
        root.querySelectorAll('select, input, button').forEach(function (control) { control.disabled = Boolean(message); });
        root.classList.toggle('opacity-50', Boolean(message));
        note.hidden = !message;
        note.textContent = message || '';
    }

    function start() {
        const root = document.getElementById('rule-builder');
        if (!root) { return; }
        texts = root.dataset.texts ? JSON.parse(root.dataset.texts) : {};
        const text = document.getElementById(root.dataset.textFor);
        const note = document.getElementById(root.dataset.note);
        const preview = document.getElementById('rule-preview');
        let model = root.dataset.model ? JSON.parse(root.dataset.model) : { join: 'and', items: [] };
        let timer = 0;
        let asked = 0;
        function render() { root.replaceChildren(groupBox(model, changed, null)); }
        function follow(p) {
            if (p.builder) {
                model = p.builder;
                render();
                lock(root, note, '');
            } else if (!text.value.trim()) {
                model = { join: 'and', items: [] };
                render();
                lock(root, note, '');
            } else {
                lock(root, note, errorsOf(p).length ? note.dataset.unreadable : note.dataset.complex);
            }
        }
        function ask(fromText) {
            clearTimeout(timer);
            const number = ++asked;
            timer = setTimeout(function () {
                fetch('api/rules/preview', {
                    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ text: text.value })
                }).then(function (r) { return r.json(); }).then(function (p) {
                    if (number !== asked) { return; }
                    showPreview(preview, p);
                    if (fromText) { follow(p); }
                });
            }, 250);
        }
        function changed() { text.value = groupText(model, false); ask(false); }
        fetch('api/rules/fields', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (catalogue) {
            fields = catalogue.fields;
            tags = catalogue.tags;
            render();
            if (root.dataset.readable === 'false') { lock(root, note, note.textContent); }
            if (text.value) { ask(false); }
        });
        text.addEventListener('input', function () {
            lock(root, note, note.dataset.reading);
            ask(true);
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
