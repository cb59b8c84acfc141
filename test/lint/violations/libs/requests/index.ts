export const requestsFace = 'the public face of requests';
