/** This action's version, as in package.json (a unit test keeps the two equal). */
export const ACTION_VERSION = '0.1.0'
