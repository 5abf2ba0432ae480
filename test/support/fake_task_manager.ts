/** A local Task Manager: records definitions and scheduled tasks, runs a task like Kibana does (createTaskRunner). */
import type { ConcreteTaskInstanceLike, RunResultLike, TaskDefinitionLike, TaskInstanceToSchedule, TaskManagerSetupLike, TaskManagerStartLike } from '../../server/kibana/types';

export class FakeTaskManager implements TaskManagerSetupLike, TaskManagerStartLike {
  readonly definitions = new Map<string, TaskDefinitionLike>();
  readonly tasks = new Map<string, ConcreteTaskInstanceLike & { scheduledWith?: unknown }>();
  readonly runSoonCalls: string[] = [];

  registerTaskDefinitions(definitions: Record<string, TaskDefinitionLike>): void {
    for (const [type, def] of Object.entries(definitions)) {
      if (this.definitions.has(type)) throw new Error(`task type ${type} is already registered`);
      this.definitions.set(type, def);
    }
  }

  async ensureScheduled(task: TaskInstanceToSchedule, options?: { request?: unknown }): Promise<unknown> {
    const existing = this.tasks.get(task.id);
    // Like Task Manager: an existing task keeps its state; the schedule (and the user scope, with a request) update.
    this.tasks.set(task.id, { ...task, state: existing?.state ?? task.state, scheduledWith: options?.request ?? existing?.scheduledWith });
    return this.tasks.get(task.id);
  }

  async runSoon(id: string): Promise<unknown> {
    this.runSoonCalls.push(id);
    return { id };
  }

  async removeIfExists(id: string): Promise<void> {
    this.tasks.delete(id);
  }

  async get(id: string): Promise<ConcreteTaskInstanceLike & { scheduledWith?: unknown }> {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`Saved object [task/${id}] not found`);
    return task;
  }

  /** Runs the task once, with the user's request as fakeRequest when it was scheduled with one; stores its state. */
  async run(id: string, signal?: AbortSignal): Promise<RunResultLike | undefined> {
    const task = await this.get(id);
    const def = this.definitions.get(task.taskType);
    if (!def) throw new Error(`no definition for ${task.taskType}`);
    const runner = def.createTaskRunner({ taskInstance: task, signal, fakeRequest: task.scheduledWith });
    const result = await runner.run();
    if (result) task.state = result.state;
    return result;
  }
}
