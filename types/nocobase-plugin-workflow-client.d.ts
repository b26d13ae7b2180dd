// Hand-written declaration of the parts of @nocobase/plugin-workflow's legacy web client (2.2)
// that src/client/workflow uses; the host page provides the module at runtime (AMD external).
// Checked against node_modules/@nocobase/plugin-workflow/dist/client/index.d.ts and
// dist/client-v2/{triggers/index,canvas/Instruction}.d.ts.
declare module '@nocobase/plugin-workflow/client' {
  export abstract class Trigger {
    title: string;
    description?: string;
    fieldset?: Record<string, any>;
    components?: Record<string, any>;
    validate(config: Record<string, unknown>): boolean;
    useVariables?(config: Record<string, unknown>, options?: any): any[] | null;
  }
  export abstract class Instruction {
    title: string;
    type: string;
    group: string;
    description?: string;
    fieldset: Record<string, any>;
    components?: Record<string, any>;
    useVariables?(node: any, options?: any): any;
  }
  export const WorkflowVariableInput: any;
  export default class PluginWorkflowClient {
    registerTrigger(type: string, trigger: any): void;
    registerInstruction(type: string, instruction: any): void;
  }
}
