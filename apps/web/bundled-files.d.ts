// Stylesheets imported for their effect: the bundler puts them in the page's CSS file.
declare module '*.css';

// The API's schema as SDL text, bundled into the GraphQL console.
declare module '*.graphql' {
  const text: string;
  export default text;
}
