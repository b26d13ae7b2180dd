// render() for the web tests: antd's CSS-in-JS writes its styles into a detached element instead of
// document.head. jsdom recomputes the cascade of every injected rule on each getComputedStyle call
// (antd's popups call it often), which made one form test take ~20 s; no test asserts on CSS.
import React, { type ReactElement, type ReactNode } from 'react';
import { StyleProvider } from '@ant-design/cssinjs';
import { render as rtlRender, type RenderOptions } from '@testing-library/react';

const styles = document.createElement('div');

const Wrapper = ({ children }: { children: ReactNode }) => <StyleProvider container={styles}>{children}</StyleProvider>;

export const render = (ui: ReactElement, options?: RenderOptions) => rtlRender(ui, { wrapper: Wrapper, ...options });
