import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts long passwords without composition rules, up to 128 characters', () => {
    expect(passwordProblem('harbor lantern quietly')).toBeNull();
    expect(passwordProblem('x7#'.repeat(20) + 'qz')).toBeNull();
    expect(passwordProblem('ñandú piñata corazón')).toBeNull();
    expect(passwordProblem('839201847562910')).toBeNull();
    expect(passwordProblem('a'.repeat(3) + 'bcdefghijklmnopqrstuvwxyz'.repeat(4) + 'zz')).toBeNull();
  });

  it('refuses fewer than 12 characters and more than 128, counting characters not bytes', () => {
    expect(passwordProblem('eleven char')).toContain('at least 12');
    expect(passwordProblem('ééééééééééé')).toContain('at least 12');
    expect(passwordProblem('y'.repeat(12) + 'z'.repeat(117))).toContain('at most 128');
  });

  it('refuses common passwords, also with digits appended or repeated', () => {
    for (const common of ['1qaz2wsx3edc', 'qwerty123456', 'password1234', 'Password2024!', 'passwordpassword', 'DragonDragonDragon']) {
      expect(passwordProblem(common), common).toContain('commonly used');
    }
  });

  it("refuses passwords built from the user's own name or address or the service's name", () => {
    expect(passwordProblem('jordan.rivera1', ['jordan.rivera@dhs.example', 'Jordan Rivera'])).toContain('too close');
    expect(passwordProblem('pitfdashboard1', [])).toContain('too close');
    expect(passwordProblem('rivers of jordan in spring', ['jordan.rivera@dhs.example'])).toBeNull();
  });
});
