import { describe, expect, it } from 'vitest';
import { fieldOfFailure, newUserBody, newUserProblems, passwordProblem } from './new-user.ts';

const good = {
  username: 'marie.dupont',
  role: 'adviser' as const,
  clientId: '',
  password: 'orange-violon-tempete',
};

describe('a new account checked before it is sent', () => {
  it('passes a well-formed adviser, and sends no client number for staff', () => {
    expect(newUserProblems(good)).toEqual({});
    expect(newUserBody({ ...good, clientId: '100002' })).toEqual({
      username: 'marie.dupont',
      role: 'adviser',
      password: 'orange-violon-tempete',
    });
  });

  it('asks a customer for a client number made of digits, and sends it as a number', () => {
    const customer = { ...good, role: 'customer' as const };
    expect(newUserProblems(customer)).toEqual({ clientId: 'clientIdMissing' });
    expect(newUserProblems({ ...customer, clientId: '12a' })).toEqual({
      clientId: 'clientIdShape',
    });
    expect(newUserProblems({ ...customer, clientId: '0' })).toEqual({ clientId: 'clientIdShape' });
    expect(newUserBody({ ...customer, clientId: ' 100002 ' }).clientId).toBe(100002);
  });

  it('refuses the user names the API refuses', () => {
    for (const username of ['ab', 'marie dupont', 'émile', 'x'.repeat(65)])
      expect(newUserProblems({ ...good, username }).username).toBe('usernameShape');
  });

  it('flags a short password, or one holding the user name or the product name', () => {
    expect(passwordProblem('court', 'marie')).toBe('passwordShort');
    expect(passwordProblem('123456789', 'marie')).toBe('passwordShort');
    expect(passwordProblem('ciao-MARIE-1987', 'marie')).toBe('passwordHasUsername');
    expect(passwordProblem('my-CreditLens-key', 'marie')).toBe('passwordHasProduct');
    // A user name under 4 letters is too common to forbid (as the API says).
    expect(passwordProblem('bobsleigh-pluie', 'bob')).toBeNull();
    expect(passwordProblem('orange-violon-tempete', 'marie')).toBeNull();
  });

  it('finds the form field an API refusal names', () => {
    expect(fieldOfFailure('body.password', 'WEAK_PASSWORD')).toBe('password');
    expect(fieldOfFailure('body.clientId', 'CLIENT_NOT_FOUND')).toBe('clientId');
    expect(fieldOfFailure(undefined, 'USERNAME_TAKEN')).toBe('username');
    expect(fieldOfFailure('body', 'BAD_REQUEST')).toBeNull();
    expect(fieldOfFailure(undefined, 'NOT_READY')).toBeNull();
  });
});
