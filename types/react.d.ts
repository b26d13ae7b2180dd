// Minimal hand-written types for the parts of React 18 our web part uses.
// React is not installed here (the host page provides it at runtime; see packages/build/build.mjs).
declare module 'react' {
  export type Key = string | number;
  export type ReactText = string | number;
  export interface ReactElement<P = any> {
    type: any;
    props: P;
    key: Key | null;
  }
  export type ReactNode = ReactElement | ReactText | boolean | null | undefined | ReactNode[];
  export interface CSSProperties {
    [property: string]: string | number | undefined;
  }
  export type PropsWithChildren<P = unknown> = P & { children?: ReactNode };
  export interface FunctionComponent<P = {}> {
    (props: PropsWithChildren<P>): ReactElement | null;
    displayName?: string;
  }
  export type FC<P = {}> = FunctionComponent<P>;
  export type ComponentType<P = {}> = FunctionComponent<P> | (new (props: P) => any);
  export type Dispatch<A> = (value: A) => void;
  export type SetStateAction<S> = S | ((prev: S) => S);
  export interface MutableRefObject<T> {
    current: T;
  }
  export type DependencyList = readonly unknown[];

  export function createElement(type: any, props?: any, ...children: ReactNode[]): ReactElement;
  export const Fragment: any;
  export function useState<S>(initial: S | (() => S)): [S, Dispatch<SetStateAction<S>>];
  export function useState<S = undefined>(): [S | undefined, Dispatch<SetStateAction<S | undefined>>];
  export function useEffect(effect: () => void | (() => void), deps?: DependencyList): void;
  export function useMemo<T>(factory: () => T, deps: DependencyList): T;
  export function useCallback<T extends (...args: any[]) => any>(callback: T, deps: DependencyList): T;
  export function useRef<T>(initial: T): MutableRefObject<T>;
  export function memo<P>(component: FunctionComponent<P>): FunctionComponent<P>;

  export namespace JSX {
    type Element = ReactElement;
    interface ElementChildrenAttribute {
      children: {};
    }
    interface IntrinsicAttributes {
      key?: Key;
    }
    interface IntrinsicElements {
      [tag: string]: any;
    }
  }

  const React: {
    createElement: typeof createElement;
    Fragment: typeof Fragment;
  };
  export default React;
}
