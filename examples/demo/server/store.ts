/**
 * The demo's embedded data: an in-memory user store and order log. Nothing external runs;
 * restarting the server resets it.
 */
export interface DemoUser {
  id: number;
  username: string;
  email: string;
  isStaff: boolean;
  isSuperuser: boolean;
}

export class DemoStore {
  readonly users = new Map<string, DemoUser>();
  readonly messages: Array<{ name: string; email: string; topic: string; message: string }> = [];
  readonly orders: Array<{ id: number; items: number }> = [];
  readonly avatars = new Map<number, { name: string; size: number; type: string }>();
  #nextId = 1;

  constructor() {
    for (const username of ["admin", "alice", "taken"]) {
      this.addUser(username, `${username}@example.com`);
    }
  }

  isUsernameTaken(username: string): boolean {
    return this.users.has(username.toLowerCase());
  }

  addUser(username: string, email: string): DemoUser {
    const user: DemoUser = {
      id: this.#nextId++,
      username: username.toLowerCase(),
      email,
      isStaff: username === "admin",
      isSuperuser: username === "admin",
    };
    this.users.set(user.username, user);
    return user;
  }

  userById(id: number): DemoUser | undefined {
    for (const user of this.users.values()) if (user.id === id) return user;
    return undefined;
  }
}
