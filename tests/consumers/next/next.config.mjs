// No configuration for role-compare: README's Next.js recipe needs none.
export default {};
