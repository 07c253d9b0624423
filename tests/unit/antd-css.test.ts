import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { antdCssFor, antdImports, antdPrefixes, filterAntdCss } from '../../scripts/antd-css';

// The build keeps only antd rules that can match (issue 13: the first window); a wrong cut would leave a used
// component unstyled, so the filter's rules are pinned here and checked against the real renderer.

const antdEs = path.resolve('node_modules/antd/es');

describe('filterAntdCss', () => {
  const known = new Set(['btn', 'input', 'input-number', 'table', 'slider', 'col']);
  const used = new Set(['btn', 'input', 'table', 'col']);

  it('drops the rules of unused components and keeps the rest as they were', () => {
    const css = '.ant-btn{color:red;}.ant-slider{margin:0;}.ant-slider-handle:hover{top:0;}.ant-table .ant-btn{padding:0;}';
    expect(filterAntdCss(css, known, used)).toBe('.ant-btn{color:red;}.ant-table .ant-btn{padding:0;}');
  });

  it('owns a class by its longest prefix: input-number is not input', () => {
    const css = '.ant-input-number{a:1;}.ant-input-affix-wrapper{b:2;}.ant-input{c:3;}.ant-col-xs-1{d:4;}.ant-color-picker{e:5;}';
    expect(filterAntdCss(css, known, used)).toBe('.ant-input-affix-wrapper{b:2;}.ant-input{c:3;}.ant-col-xs-1{d:4;}.ant-color-picker{e:5;}');
  });

  it('keeps the live selectors of a list, and classes of no known prefix (motions, icons)', () => {
    const css = '.ant-slider,.ant-btn:is(.a,.b),[class^="ant-slider"]{x:1;}.ant-zoom-big-enter,.anticon{y:2;}';
    expect(filterAntdCss(css, known, used)).toBe('.ant-btn:is(.a,.b){x:1;}.ant-zoom-big-enter,.anticon{y:2;}');
  });

  it('filters inside @media and drops an emptied block; keeps @keyframes whole; braces in strings do not confuse it', () => {
    const css = '@media (max-width:575px){.ant-slider{a:1;}}@media (min-width:576px){.ant-col-sm-1{b:2;}.ant-slider{c:3;}}@keyframes antSliderIn{0%{opacity:0;}100%{opacity:1;}}.ant-btn::after{content:"}{";}';
    expect(filterAntdCss(css, known, used)).toBe('@media (min-width:576px){.ant-col-sm-1{b:2;}}@keyframes antSliderIn{0%{opacity:0;}100%{opacity:1;}}.ant-btn::after{content:"}{";}');
  });
});

describe('the renderer’s antd stylesheet', () => {
  it('reads the names imported from antd, not the type-only ones', () => {
    const names = antdImports(["import { Button, Table as T, type InputRef } from 'antd';", "import type { ColumnsType } from 'antd';"]);
    expect([...names].sort()).toEqual(['Button', 'Table']);
  });

  it('follows antd’s own imports: a Table brings the checkbox, dropdown, pagination, spin and empty styles', () => {
    const { known, used } = antdPrefixes(antdEs, new Set(['Table']));
    for (const p of ['table', 'checkbox', 'radio', 'dropdown', 'pagination', 'spin', 'empty', 'tooltip']) expect(used.has(p), p).toBe(true);
    expect(used.has('slider')).toBe(false);
    expect(known.has('slider')).toBe(true);
  });

  it('keeps the rules of every component the renderer uses, and is smaller than the whole', () => {
    const css = fs.readFileSync(path.resolve('node_modules/antd/dist/antd.css'), 'utf8');
    const out = antdCssFor(css, path.resolve('renderer/src'), antdEs);
    expect(out.length).toBeLessThan(css.length * 0.9);
    for (const cls of ['.ant-btn', '.ant-table', '.ant-menu', '.ant-select-dropdown', '.ant-picker-dropdown', '.ant-modal', '.ant-message', '.ant-layout-sider', '.ant-segmented', '.ant-input-search', '.ant-tabs', '.ant-steps', '.ant-upload'])
      expect(out.includes(`${cls}{`) || out.includes(`${cls} `) || out.includes(`${cls}-`), cls).toBe(true);
    expect(out).not.toMatch(/\.ant-slider[{ .:-]/u);
  });
});
